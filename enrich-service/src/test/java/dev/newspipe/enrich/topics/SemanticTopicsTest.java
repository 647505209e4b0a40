package dev.newspipe.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SemanticTopicsTest {

    static SentenceEncoder encoder;
    static LinearTopicModel model;
    static SemanticTopics topics;

    @BeforeAll
    static void load() {
        encoder = new SentenceEncoder(SemanticTopics.LEAD_TOKENS);
        model = LinearTopicModel.read(LinearTopicModel.DEFAULT_MODEL);
        topics = new SemanticTopics(encoder, model);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theShippedModelCoversEveryLevelOneTopicAndReadsTheEncodersVectors() {
        assertEquals(17, model.codes().size(), model.codes().toString());
        assertEquals(encoder.encode("a headline").length, model.dimensions());
    }

    @Test
    void leadsWithoutCueWordsFindTheirField() {
        assertEquals("medtop:15000000", strongest(topics.evidence("Swimmer touches the wall first",
                "The 19-year-old set a new personal best in the final.")));
        assertEquals("medtop:12000000", strongest(topics.evidence("Pilgrims gather at dawn",
                "Thousands walked the last mile to the shrine, singing hymns as the bells rang.")));
        assertEquals("medtop:04000000", strongest(topics.evidence("Brewer lifts its dividend",
                "The board expects margins to widen as barley gets cheaper.")));
    }

    @Test
    void onlyTopicsAboveTheFloorGetEvidenceAndNoneMoreThanACertainModelGives() {
        Map<String, Double> evidence = topics.evidence("Storm brings snow and ice to the north", "Forecasters say.");
        assertEquals("medtop:17000000", strongest(evidence));
        assertTrue(evidence.size() < 17, evidence.toString());
        double most = SemanticTopics.WEIGHT * Math.log(1 / SemanticTopics.FLOOR);
        assertTrue(evidence.values().stream().allMatch(w -> w > 0 && w <= most + 1e-9), evidence.toString());
    }

    static String strongest(Map<String, Double> evidence) {
        return evidence.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
