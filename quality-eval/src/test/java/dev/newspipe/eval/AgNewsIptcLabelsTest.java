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
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.SharedData;

/** Our IPTC labels for the rows of AG News test: a random sample of 400, and the rest. */
class AgNewsIptcLabelsTest {

    @Test
    void theSampleAndTheRestLabelEveryRowOnceWithAtMostThreeTopLevels() {
        Map<Integer, TopicGold.Label> sample = TopicGold.load(TopicGold.AG_NEWS_SAMPLE);
        Map<Integer, TopicGold.Label> rest = TopicGold.load(TopicGold.AG_NEWS_REST);
        assertEquals(400, sample.size());
        assertEquals(7200, rest.size());
        Set<Integer> numbers = new TreeSet<>(sample.keySet());
        numbers.addAll(rest.keySet());
        assertEquals(7600, numbers.size(), "a row in both files");
        assertEquals(List.of(1, 7600), List.of(((TreeSet<Integer>) numbers).first(), ((TreeSet<Integer>) numbers).last()));
        List<TopicGold.Label> all = new ArrayList<>(sample.values());
        all.addAll(rest.values());
        for (TopicGold.Label label : all) {
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
        List<TopicGold.Label> labels = new ArrayList<>(TopicGold.load(TopicGold.AG_NEWS_SAMPLE).values());
        labels.addAll(TopicGold.load(TopicGold.AG_NEWS_REST).values());
        for (TopicGold.Label label : labels) {
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
