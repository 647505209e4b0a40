package dev.newspipe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.SharedData;

/** Our IPTC labels for a random sample of AG News test rows. */
class AgNewsSampleLabelsTest {

    @Test
    void fourHundredRowsAreLabelledWithAtMostThreeTopLevelsEach() {
        Map<Integer, TopicGold.Label> labels = TopicGold.load(TopicGold.AG_NEWS_SAMPLE);
        assertEquals(400, labels.size());
        for (TopicGold.Label label : labels.values()) {
            int codes = label.accepted().size();
            assertTrue(codes >= 1 && codes <= 3, label.toString());
            assertEquals(codes, label.accepted().stream().distinct().count(), label.toString());
        }
    }

    @Test
    void aLabelWrittenForAnotherTextStopsTheRun() {
        TopicGold.Label label = new TopicGold.Label(7, List.of("medtop:15000000"), TopicGold.checksum("Harbour reopens"));
        Map<Integer, TopicGold.Label> labels = Map.of(7, label);
        assertEquals(label, TopicGold.labelOf(labels, "/x.tsv", 7, "Harbour reopens"));
        assertNull(TopicGold.labelOf(labels, "/x.tsv", 8, "Harbour reopens"));
        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> TopicGold.labelOf(labels, "/x.tsv", 7, "Harbour closes"));
        assertTrue(changed.getMessage().startsWith("/x.tsv: text 7 has another headline"), changed.getMessage());
    }

    @Test
    void everyLabelWasWrittenForTheRowOfItsNumber() {
        Optional<Path> file = SharedData.find("data/eval/agnews-test.csv");
        Assumptions.assumeTrue(file.isPresent(), "../shared is absent (NEWS_SHARED_DIR points elsewhere)");
        List<AgNewsCsv.Row> rows = AgNewsCsv.parse(SourceDocuments.read(file.get()));
        List<String> problems = new ArrayList<>();
        for (TopicGold.Label label : TopicGold.load(TopicGold.AG_NEWS_SAMPLE).values()) {
            int number = label.number();
            if (number < 1 || number > rows.size() || !label.matches(number, rows.get(number - 1).title())) {
                problems.add("row " + number + " is not the one labelled");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
