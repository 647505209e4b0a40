package dev.newspipe.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SemanticTopicsTest {

    static SentenceEncoder encoder;
    static SemanticTopics topics;

    @BeforeAll
    static void load() {
        encoder = new SentenceEncoder(32);
        topics = new SemanticTopics(encoder);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void everyLevelOneTopicHasPrototypes() {
        assertEquals(17, topics.codes().size(), topics.codes().toString());
    }

    @Test
    void leadsWithoutCueWordsFindTheirField() {
        assertEquals("medtop:15000000", strongest(topics.evidence(
                "Swimmer touches the wall first. The 19-year-old set a new personal best in the final.", 3)));
        assertEquals("medtop:13000000", strongest(topics.evidence(
                "Dinosaur's teenage growth spurt. The giant reptile put on two kilograms a day, its bones show.", 3)));
        assertEquals("medtop:04000000", strongest(topics.evidence(
                "Brewer lifts its dividend. The board expects margins to widen as barley gets cheaper.", 3)));
    }

    @Test
    void theWeightIsSharedAndFarTopicsGetNothing() {
        Map<String, Double> evidence = topics.evidence("Storm brings snow and ice to the north, forecasters say", 3);
        double total = evidence.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(total <= 3.0 + 1e-9 && total > 2.0, evidence.toString());
        assertTrue(evidence.size() < 5, evidence.toString());
        assertTrue(evidence.values().stream().allMatch(w -> w >= SemanticTopics.MIN_SHARE * 3), evidence.toString());
    }

    @Test
    void prototypesMustBeUnderLevelOneCodes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SemanticTopics(encoder, "/topics/prototypes-level2.tsv"));
        assertTrue(e.getMessage().contains("medtop:20000587"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new SemanticTopics(encoder, "/topics/absent.tsv"));
    }

    static String strongest(Map<String, Double> evidence) {
        return evidence.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
