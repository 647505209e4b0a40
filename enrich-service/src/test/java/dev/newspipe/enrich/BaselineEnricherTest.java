package dev.newspipe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleIngested;

class BaselineEnricherTest {

    final BaselineEnricher enricher = new BaselineEnricher(Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC));

    static ArticleIngested article(String headline, String body) {
        return new ArticleIngested("0123456789abcdef0123456789abcdef", 1, null, headline, body, "example.org", null,
                null, null, null, "fedcba9876543210fedcba9876543210", "http", Instant.parse("2026-11-20T00:00:00Z"), null);
    }

    @Test
    void findsGazetteerEntitiesWithOffsetsIntoTheBodyAndCanonicalNames() {
        String body = "Ukrainian officials said drones struck Kiev overnight. The State Department said Russia "
                + "used Iranian drones, and Blinken told reporters the US government would respond with sanctions.";
        ArticleEnriched e = enricher.enrich(article("US warns Iran over drones used in Kyiv", body));
        var kyiv = e.entities().stream().filter(x -> x.name().equals("Kyiv")).findFirst().orElseThrow();
        assertEquals("Q1899", kyiv.id());
        assertEquals(EntityType.LOCATION, kyiv.type());
        assertEquals("Kiev", body.substring(kyiv.mentions().get(0).start(), kyiv.mentions().get(0).end()));
        var iran = e.entities().stream().filter(x -> x.id().equals("Q794")).findFirst().orElseThrow();
        assertEquals(2, iran.count(), "the demonym in the body plus the headline mention");
        assertTrue(e.entities().stream().anyMatch(x -> x.id().equals("Q789915") && x.type() == EntityType.ORGANIZATION));
        assertTrue(e.entities().stream().anyMatch(x -> x.id().equals("person:antony-blinken")));
        assertEquals("medtop:16000000", e.topics().get(0).code());
        assertTrue(e.topics().stream().anyMatch(t -> t.code().equals("medtop:11000000")));
        assertEquals("en", e.language().code());
        assertEquals(BaselineEnricher.VERSION, e.enrichmentVersion());
    }

    @Test
    void quotesSummaryAndSignatures() {
        String body = "The mayor spoke on Monday. She said, \"We will rebuild the harbour before the winter storms.\" "
                + "Work starts next week.";
        ArticleEnriched e = enricher.enrich(article("Harbour to be rebuilt", body));
        assertEquals(1, e.quotes().size());
        assertEquals("We will rebuild the harbour before the winter storms.", e.quotes().get(0).text());
        assertTrue(e.summary().startsWith("The mayor spoke on Monday."));
        assertEquals(16, e.signature().simhash().length());
        ArticleEnriched same = enricher.enrich(article("Harbour to be rebuilt", body));
        assertEquals(e.signature(), same.signature());
        ArticleEnriched other = enricher.enrich(article("Election results", "Voters chose a new parliament on Sunday in a close race."));
        assertNotEquals(e.signature().simhash(), other.signature().simhash());
    }

    @Test
    void refusesAnArticleWithoutBody() {
        assertThrows(IllegalArgumentException.class, () -> enricher.enrich(article("Headline", null)));
    }

    @Test
    void slugsAreDeterministicAndAscii() {
        assertEquals("person:jose-alvarez", BaselineEnricher.slug(EntityType.PERSON, "José Álvarez"));
        assertEquals(List.of("it's", "a", "test"), BaselineEnricher.words("It's a test."));
    }
}
