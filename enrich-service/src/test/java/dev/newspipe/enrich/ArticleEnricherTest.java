package dev.newspipe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newspipe.enrich.topics.TopicClassifier;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleIngested;

/** The whole engine on texts of the project's own; the parts have their own tests. */
class ArticleEnricherTest {

    static final ArticleEnricher ENRICHER = new ArticleEnricher(Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC));

    static ArticleIngested article(String headline, String body, String language) {
        return new ArticleIngested("0123456789abcdef0123456789abcdef", 1, null, headline, body, "example.org", null,
                language, null, null, "fedcba9876543210fedcba9876543210", "http", Instant.parse("2026-11-20T00:00:00Z"), null);
    }

    static Entity entity(ArticleEnriched e, String name) {
        return e.entities().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + e.entities().stream().map(Entity::name).toList()));
    }

    @Test
    void everyPartIsFilledAndEveryOffsetPointsIntoTheBody() {
        String body = "Ukrainian officials said drones struck Kiev overnight, and the State Department said Russia had "
                + "used Iranian drones in the attack.\n\nSecretary of State Antony Blinken told reporters in Washington, "
                + "\"We will hold those who supply these weapons to account.\" Blinken said new sanctions were ready.";
        ArticleEnriched e = ENRICHER.enrich(article("US warns Iran over drones used in Kyiv", body, null));

        assertEquals(ArticleEnricher.VERSION, e.enrichmentVersion());
        assertEquals("en", e.language().code());
        Entity kyiv = entity(e, "Kyiv");
        assertEquals(EntityType.LOCATION, kyiv.type());
        assertTrue(kyiv.id().startsWith("Q"), kyiv.id());
        Entity blinken = entity(e, "Antony Blinken");
        assertEquals(EntityType.PERSON, blinken.type());
        assertEquals(2, blinken.count(), "the full name and the bare surname");
        assertEquals(EntityType.LOCATION, entity(e, "Iran").type(), "the demonym counts as the country");
        assertEquals(EntityType.ORGANIZATION, entity(e, "United States Department of State").type(),
                "an alias maps to the canonical name");
        for (Entity x : e.entities()) {
            x.mentions().forEach(m -> assertEquals(m.text(), body.substring(m.start(), m.end()), x.name()));
        }
        assertTrue(e.topics().stream().anyMatch(t -> t.code().equals("medtop:16000000")), e.topics().toString());
        assertEquals(1, e.topics().stream().filter(t -> t.level() == 1).limit(1).count());
        assertTrue(!e.keywords().isEmpty());
        assertTrue(e.summary().startsWith("Ukrainian officials said"), e.summary());
        assertEquals(1, e.quotes().size());
        assertEquals(blinken.id(), e.quotes().get(0).speakerId());
        e.quotes().forEach(q -> assertTrue(body.substring(q.start(), q.end()).contains(q.text()) || q.text().contains(body.substring(q.start(), q.end())),
                q.toString()));
        assertEquals(16, e.signature().simhash().length());
        assertEquals(16, e.signature().minhash().size());
    }

    @Test
    void aSportsStoryNamesTeamsAfterTheirTownsAndOtherStoriesKeepThePlaces() {
        String game = "Brian Giles homered twice for Cleveland and the bullpen closed out a 5-3 win over the Twins . The"
                + " pitcher struck out nine in seven innings as the team won its fourth straight game of the season .";
        ArticleEnriched sport = ENRICHER.enrich(article("Giles homers twice in win", game, null));
        assertEquals("medtop:15000000", sport.topics().get(0).code());
        assertEquals(ArticleEnriched.EntityType.ORGANIZATION, entity(sport, "Cleveland").type());
        String plant = "The company will build a plant for Cleveland , the mayor said , and hire 300 workers next year .";
        ArticleEnriched business = ENRICHER.enrich(article("Carmaker to build plant", plant, null));
        assertEquals(ArticleEnriched.EntityType.LOCATION, entity(business, "Cleveland").type());
    }

    @Test
    void aKnownClubNamedInTheArticleCountsForSport() {
        // No word of sport, and "Flames" alone reads as a fire: only the clubs, which the knowledge base knows.
        String headline = "Predators pick up forward from Flames";
        String body = "The Nashville Predators picked up a forward from the Calgary Flames on Tuesday.";
        assertNotEquals("medtop:15000000", new TopicClassifier().classify(headline, body, "en").get(0).code());
        ArticleEnriched signing = ENRICHER.enrich(article(headline, body, null));
        assertEquals("medtop:15000000", signing.topics().get(0).code(), signing.topics().toString());
    }

    @Test
    void knownCompaniesEndingAVentureAreEconomyNotTechnology() {
        // The names alone lean to technology; as two companies the knowledge base knows, they make it business news.
        String headline = "IBM and Samsung to end joint venture";
        String body = "The two groups will wind up their eight-year venture in March, the companies said.";
        assertEquals("medtop:13000000", new TopicClassifier().classify(headline, body, "en").get(0).code());
        ArticleEnriched enriched = ENRICHER.enrich(article(headline, body, "en"));
        assertEquals("medtop:04000000", enriched.topics().get(0).code(), enriched.topics().toString());
    }

    @Test
    void theMeaningOfTheLeadDecidesWhereTheCueWordsLeaveTwoFieldsClose() {
        // By cue words alone "signs" and "rally" lean to sport, with little evidence and a rival close behind.
        assertDecidedByMeaning("Teen star signs with new label",
                "The 17-year-old singer will release her debut record in the spring.", "medtop:15000000", "medtop:01000000");
        assertDecidedByMeaning("Gallery season opens with a winner",
                "The show of new work by the young painter drew record crowds on its first weekend.", "medtop:15000000",
                "medtop:01000000");
        // Small words of money and figures ("percent", "rose", "cost") against a few of school.
        assertDecidedByMeaning("Maths results improve at state schools",
                "The share of pupils reaching the top grade rose to 14 percent from 11 percent, officials said, as the"
                        + " cost of private tutoring fell.", "medtop:04000000", "medtop:05000000");
    }

    private static void assertDecidedByMeaning(String headline, String body, String byWordsAlone, String expected) {
        TopicClassifier classifier = new TopicClassifier();
        List<MediaTopic> byWords = classifier.classify(headline, body, "en");
        assertEquals(byWordsAlone, byWords.get(0).code(), byWords.toString());
        assertTrue(classifier.leadOfBest(classifier.score(headline, body, "en"), Map.of()) < ArticleEnricher.MODEL_MARGIN,
                byWords.toString());
        ArticleEnriched enriched = ENRICHER.enrich(article(headline, body, "en"));
        assertEquals(expected, enriched.topics().get(0).code(), enriched.topics().toString());
    }

    @Test
    void aLongArticleOnOneFieldIsDecidedByItsWords() {
        String headline = "Striker scores twice as leaders win derby";
        String body = "The striker scored twice in the second half as the league leaders beat their neighbours 3-1 in"
                + " front of a sell-out crowd. The goalkeeper saved a penalty before the break, and the coach praised the"
                + " defence after the match. The win keeps the club six points clear at the top of the table with eight"
                + " games of the season left.";
        TopicClassifier classifier = new TopicClassifier();
        assertTrue(classifier.leadOfBest(classifier.score(headline, body, "en"), Map.of()) >= ArticleEnricher.MODEL_MARGIN);
        assertEquals("medtop:15000000", ENRICHER.enrich(article(headline, body, "en")).topics().get(0).code());
    }

    @Test
    void signaturesAreDeterministicAndSeparateDifferentTexts() {
        String body = "The mayor spoke on Monday. She said the harbour would be rebuilt before the winter storms.";
        ArticleEnriched a = ENRICHER.enrich(article("Harbour to be rebuilt", body, null));
        ArticleEnriched b = ENRICHER.enrich(article("Harbour to be rebuilt", body, null));
        assertEquals(a.signature(), b.signature());
        ArticleEnriched other = ENRICHER.enrich(article("Election results", "Voters chose a new parliament on Sunday in a close race.", null));
        assertNotEquals(a.signature().simhash(), other.signature().simhash());
    }

    @Test
    void aDeclaredLanguageIsKeptAndOtherLanguagesStillFlow() {
        ArticleEnriched german = ENRICHER.enrich(article("Bundesregierung berät über Haushalt",
                "Die Bundesregierung hat am Mittwoch in Berlin über den Haushalt für das kommende Jahr beraten. "
                        + "Der Kanzler sagte, man werde die Ausgaben für Schulen erhöhen.", "de-DE"));
        assertEquals("de", german.language().code());
        assertTrue(german.entities().stream().anyMatch(x -> x.name().equals("Berlin")), german.entities().toString());
        assertTrue(!german.topics().isEmpty());
        ArticleEnriched detected = ENRICHER.enrich(article("Regjeringen legger fram budsjettet",
                "Regjeringen la i dag fram statsbudsjettet for neste år. Finansministeren sier at skolene får mer penger, "
                        + "og at skattene blir som før for de fleste.", null));
        assertTrue(List.of("no", "nb", "nn").contains(detected.language().code()), detected.language().toString());
    }

    @Test
    void refusesAnArticleWithoutBodyOrHeadline() {
        assertThrows(IllegalArgumentException.class, () -> ENRICHER.enrich(article("Headline", null, null)));
        assertThrows(IllegalArgumentException.class, () -> ENRICHER.enrich(article("Headline", "  ", null)));
        assertThrows(IllegalArgumentException.class, () -> ENRICHER.enrich(article(null, "Body.", null)));
    }

    @Test
    void wordsAreLowerCasedLetterRuns() {
        assertEquals(List.of("it's", "a", "test"), StorySignatures.words("It's a test."));
    }
}
