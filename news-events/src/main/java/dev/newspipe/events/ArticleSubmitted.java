package dev.newspipe.events;

import java.util.List;

/**
 * An article as a producer submits it, over HTTP or on {@link Topics#RAW}. Fields are kept as sent
 * (dates unparsed) so that validation can name the field that is wrong, and so that the ingested
 * event can carry the original for audit.
 */
public record ArticleSubmitted(
        String url,
        String headline,
        String body,
        String source,
        String publishedAt,
        String language,
        List<String> authors,
        String externalId) {
}
