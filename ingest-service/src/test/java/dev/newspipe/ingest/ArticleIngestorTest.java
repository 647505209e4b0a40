package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;

class ArticleIngestorTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    final ArticleIngestor ingestor = new ArticleIngestor(20, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));

    static ArticleSubmitted article(String url, String headline, String body, String publishedAt) {
        return new ArticleSubmitted(url, headline, body, null, publishedAt, null, null, null);
    }

    @Test
    void normalizesAndIdentifies() {
        ArticleIngested a = ingestor.ingest(new ArticleSubmitted("HTTPS://WWW.Example.org/news/1/?utm_source=x&id=7#top",
                "  \u201CFerry\u201D  service\u00A0resumes ", "First  paragraph here.\r\n\r\n\r\nSecond paragraph here.",
                null, "2026-11-19T08:00:00+01:00", "EN", List.of(" A. Writer ", ""), "x1"), "http");
        assertEquals("https://www.example.org/news/1?id=7", a.url());
        assertEquals("\"Ferry\" service resumes", a.headline());
        assertEquals("First paragraph here.\n\nSecond paragraph here.", a.body());
        assertEquals("example.org", a.source());
        assertEquals(Instant.parse("2026-11-19T07:00:00Z"), a.publishedAt());
        assertEquals("en", a.language());
        assertEquals(List.of("A. Writer"), a.authors());
        assertEquals(1, a.revision());
        assertEquals(NOW, a.ingestedAt());
        assertEquals(ArticleIdentity.articleId("https://www.example.org/news/1?id=7", a.contentHash()), a.id());
    }

    @Test
    void sameUrlVariantsGiveTheSameIdAndNoUrlFallsBackToContent() {
        String body = "A body that is long enough to pass.";
        String a = ingestor.ingest(article("http://example.org/a/", "H", body, null), "http").id();
        String b = ingestor.ingest(article("http://EXAMPLE.org/a?fbclid=1#x", "Other", body + " More.", null), "http").id();
        assertEquals(a, b);
        ArticleIngested noUrl = ingestor.ingest(article(null, "H", body, null), "http");
        assertNull(noUrl.url());
        assertEquals(ArticleIdentity.articleId(null, noUrl.contentHash()), noUrl.id());
        assertNotEquals(a, noUrl.id());
    }

    @Test
    void rejectsWithTheFieldThatIsWrong() {
        String body = "A body that is long enough to pass.";
        assertEquals("headline", assertThrows(InvalidArticleException.class,
                () -> ingestor.ingest(article(null, "  ", body, null), "http")).field());
        assertEquals("body", assertThrows(InvalidArticleException.class,
                () -> ingestor.ingest(article(null, "H", null, null), "http")).field());
        assertEquals("body", assertThrows(InvalidArticleException.class,
                () -> ingestor.ingest(article(null, "H", "too short", null), "http")).field());
        assertEquals("publishedAt", assertThrows(InvalidArticleException.class,
                () -> ingestor.ingest(article(null, "H", body, "yesterday"), "http")).field());
        assertEquals("publishedAt", assertThrows(InvalidArticleException.class,
                () -> ingestor.ingest(article(null, "H", body, "2027-01-01T00:00:00Z"), "http")).field());
        assertEquals("url", assertThrows(InvalidArticleException.class,
                () -> ingestor.ingest(article("ftp://example.org/x", "H", body, null), "http")).field());
    }
    @Test
    void commonDateTimesAreReadAsTheIsoParserReadsThemAndAnythingElseIsLeftToIt() {
        List<String> common = List.of("2024-05-01T09:30:00Z", "2024-05-01T09:30:00.5Z", "2024-05-01T09:30:00.123456789Z",
                "2024-05-01T09:30:00+02:00", "2024-05-01T09:30:00.250-05:30", "2024-05-01T09:30:00-00:00",
                "2024-02-29T23:59:59+14:00", "1999-12-31T00:00:00-12:00");
        for (String value : common) {
            assertEquals(OffsetDateTime.parse(value).toInstant(), ArticleIngestor.commonDateTime(value), value);
        }
        // Other forms, and values naming no real time: the general parser accepts or rejects them with its reason.
        List<String> others = List.of("2024-05-01t09:30:00z", "2024-05-01T09:30Z", "2024-05-01T09:30:00.Z",
                "2024-05-01T09:30:00.1234567890Z", "2024-05-01T09:30:00+0200", "2024-05-01T09:30:00+02:00:30",
                "2024-02-30T09:30:00Z", "2023-02-29T09:30:00Z", "2024-05-01T24:00:00Z", "2024-05-01T23:59:60Z",
                "2024-05-01T09:30:00+19:00", "2024-05-01T09:30:00", "+2024-05-01T09:30:00Z", "2024-05-01 09:30:00Z",
                "2024-05-01T09:30:00Z ", "2024-05-01T09:30:00+02:60", "２０２４-05-01T09:30:00Z");
        for (String value : others) {
            assertNull(ArticleIngestor.commonDateTime(value), value);
        }
    }
}
