package dev.newspipe.store;

import java.time.Instant;
import java.util.List;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;

/** An article as the store API returns it: the article, all of its enrichment, and when it was stored. */
public record StoredArticle(
        String id,
        int revision,
        String url,
        String headline,
        String body,
        String source,
        Instant publishedAt,
        List<String> authors,
        String externalId,
        ArticleEnriched.DetectedLanguage language,
        List<ArticleEnriched.Entity> entities,
        List<ArticleEnriched.MediaTopic> topics,
        List<ArticleEnriched.Keyword> keywords,
        String summary,
        List<ArticleEnriched.Quote> quotes,
        ArticleEnriched.StorySignature signature,
        String storyId,
        String enrichmentVersion,
        String intakePath,
        Instant ingestedAt,
        Instant enrichedAt,
        Instant storedAt) {

    /** The one mapping from the stored event to the API representation. */
    static StoredArticle from(ArticleRepository.StoredRow row) {
        ArticleEnriched e = row.event();
        ArticleIngested a = e.article();
        return new StoredArticle(a.id(), a.revision(), a.url(), a.headline(), a.body(), a.source(), a.publishedAt(),
                a.authors(), a.externalId(), e.language(), e.entities(), e.topics(), e.keywords(), e.summary(),
                e.quotes(), e.signature(), row.storyId(), e.enrichmentVersion(), a.intakePath(), a.ingestedAt(), e.enrichedAt(),
                row.storedAt());
    }
}
