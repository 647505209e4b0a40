package dev.newspipe.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleEnriched.StorySignature;
import dev.newspipe.events.ArticleIngested;

/** Well-formed events for tests that feed a stage directly. */
public final class SampleEvents {

    /** A fresh 32-hex-digit article id. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static ArticleIngested ingested(String id, int revision, String headline, String body) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ArticleIngested(id, revision, "https://example.org/news/" + id, headline, body, "example.org",
                now.minusSeconds(3600), null, null, null, id, "http", now, null);
    }

    public static ArticleEnriched enriched(ArticleIngested article, String enrichmentVersion) {
        int start = Math.max(0, article.body().indexOf("Lisbon"));
        return new ArticleEnriched(article, enrichmentVersion, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new DetectedLanguage("en", 0.9),
                List.of(new Entity("Q597", EntityType.LOCATION, "Lisbon",
                        List.of(new Mention("Lisbon", start, start + 6)), 1, 0.5)),
                List.of(new MediaTopic("medtop:04000000", "economy, business and finance", 0.8, 1)),
                List.of(), article.body(), List.of(), new StorySignature("0000000000000000", List.of()));
    }

    private SampleEvents() {
    }
}
