package dev.newspipe.events;

import java.time.Instant;
import java.util.List;

/**
 * A normalized, identified article accepted by ingest. Keyed by {@link #id()} on {@link Topics#INGESTED}.
 *
 * @param id          stable id: a hash of the canonical URL, or of the normalized content when there is no URL
 * @param revision    1 for the first version seen at a URL; a changed article at the same URL increments it
 * @param url         canonical URL, or null
 * @param contentHash hash of the normalized headline and body, used for content de-duplication
 * @param intakePath  how the article arrived: {@code http}, {@code kafka} or {@code feed}
 * @param raw         the submission as received, for audit
 */
public record ArticleIngested(
        String id,
        int revision,
        String url,
        String headline,
        String body,
        String source,
        Instant publishedAt,
        String language,
        List<String> authors,
        String externalId,
        String contentHash,
        String intakePath,
        Instant ingestedAt,
        ArticleSubmitted raw) {
}
