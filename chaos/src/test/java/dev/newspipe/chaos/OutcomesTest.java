package dev.newspipe.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OutcomesTest {

    static final List<Outcomes.FaultTime> FAULTS = List.of(
            new Outcomes.FaultTime("kill -9 ingest-service", 1_000, Duration.ofMillis(4_500)),
            new Outcomes.FaultTime("kill -9 broker", 2_000, null));

    @Test
    void eachArticleCountsUnderTheLatestFaultBeforeItWasSent() {
        Map<String, Long> sent = Map.of("a", 0L, "b", 999L, "c", 1_000L, "d", 1_500L, "e", 2_500L);
        Map<String, Integer> stored = Map.of("a", 1, "b", 1, "c", 2, "e", 1);
        Map<String, Long> poison = Map.of("p1", 10L, "p2", 2_100L);

        List<Outcomes.Row> rows = Outcomes.tabulate(FAULTS, sent, stored, poison, Set.of("p2"));

        assertEquals(new Outcomes.Row("(before any fault)", 2, 2, 0, 0, 1, 0, Duration.ZERO), rows.get(0));
        assertEquals(new Outcomes.Row("kill -9 ingest-service", 2, 1, 1, 1, 0, 0, Duration.ofMillis(4_500)), rows.get(1));
        assertEquals(new Outcomes.Row("kill -9 broker", 1, 1, 0, 0, 1, 1, null), rows.get(2));
        assertEquals(new Outcomes.Row("total", 5, 4, 1, 1, 2, 1, null), Outcomes.total(rows));
    }

    @Test
    void theMarkdownTableSaysWhichFaultDidNotRecover() {
        String table = Outcomes.markdown(Outcomes.tabulate(FAULTS, Map.of("a", 1_200L), Map.of("a", 1), Map.of(), Set.of()));
        assertTrue(table.contains("| kill -9 ingest-service | 1 | 1 | 0 | 0 | 0 | 0 | 4.5 s |"), table);
        assertTrue(table.contains("| kill -9 broker | 0 | 0 | 0 | 0 | 0 | 0 | not recovered |"), table);
        assertTrue(table.contains("| total | 1 | 1 | 0 | 0 | 0 | 0 |  |"), table);
    }
}
