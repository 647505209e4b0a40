package dev.newspipe.enrich.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.newspipe.enrich.text.SeedArticles.Seed;
import dev.newspipe.events.ArticleEnriched.Keyword;

class KeyphrasesTest {

    final Keyphrases keyphrases = new Keyphrases();

    static List<String> texts(List<Keyword> keywords) {
        return keywords.stream().map(Keyword::text).toList();
    }

    @Test
    void scoredPhrasesOfOneToThreeWordsWithTheBestFirst() {
        String body = "The city council approved the new harbour bridge on Monday. Work on the harbour bridge starts in May, "
                + "and the council expects the harbour bridge to open in 2028. Local fishermen said the bridge would block "
                + "their boats; the council said it would add a lifting span.";
        List<Keyword> keywords = keyphrases.extract("Council approves harbour bridge", body, "en", 5);
        assertEquals("harbour bridge", keywords.get(0).text());
        assertEquals(1.0, keywords.get(0).score());
        assertTrue(texts(keywords).contains("council"), texts(keywords).toString());
        for (Keyword k : keywords) {
            assertTrue(k.score() > 0 && k.score() <= 1, k.toString());
            int words = k.text().split(" ").length;
            assertTrue(words >= 1 && words <= 3, k.toString());
            for (String w : k.text().toLowerCase(Locale.ROOT).split(" ")) {
                assertFalse(Stopwords.of("en").contains(w), "no stopwords in phrases: " + k);
            }
        }
        assertFalse(texts(keywords).contains("bridge"), "no phrase inside a better one: " + texts(keywords));
        assertTrue(keywords.size() <= 5);
    }

    @Test
    void namesKeepTheirCapitalsAndPluralsMerge() {
        String body = "Officials in Jakarta said the drones were Iranian. Iranian drones have hit Kyiv, and another drone "
                + "was shot down near Kyiv on Tuesday.";
        List<String> found = texts(keyphrases.extract("Drones hit Kyiv", body, "en", 6));
        assertTrue(found.contains("Kyiv"), found.toString());
        assertTrue(found.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("drone")), found.toString());
    }

    @Test
    void otherLanguagesAndEdgeCases() {
        List<String> german = texts(keyphrases.extract("Bahnstreik legt Fernverkehr lahm",
                "Der Streik der Lokführer hat am Montag den Fernverkehr der Bahn fast vollständig lahmgelegt. "
                        + "Die Gewerkschaft will den Streik bis Mittwoch fortsetzen.", "de", 4));
        assertEquals("Fernverkehr", german.get(0), german.toString());
        assertFalse(german.contains("der") || german.contains("die"), german.toString());
        assertEquals(List.of(), keyphrases.extract("", "", "en", 5));
        assertEquals(List.of(), keyphrases.extract("The", "and of the", "en", 5));
        assertEquals(List.of(), keyphrases.extract("Drones", "Drones again.", "en", 0));
    }

    @Test
    void seedHeadlineTermsRankHigh() {
        Optional<Seed> seed = SeedArticles.load("000");
        assumeTrue(seed.isPresent(), "shared/samples/seeds not found");
        List<String> found = texts(keyphrases.extract(seed.get().headline(), seed.get().body(), "en", 8));
        assertTrue(found.subList(0, 4).stream().anyMatch(t -> t.equals("Iran") || t.equals("Russia")), found.toString());
        assertTrue(found.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("drones")), found.toString());
    }
}
