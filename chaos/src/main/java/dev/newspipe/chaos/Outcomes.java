package dev.newspipe.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault × outcome table. Each article and poison record is counted under the fault that was the
 * latest one injected when it was first sent (the first row: before any fault).
 */
final class Outcomes {

    /** A fault as the table shows it: its label, when it was injected (ms), its recovery time (null: none). */
    record FaultTime(String label, long injectedAt, Duration recovery) {
    }

    record Row(String fault, long sent, long stored, long lost, long duplicated, long poison, long deadLettered,
            Duration recovery) {
    }

    /**
     * @param faults        in the order they were injected
     * @param acknowledged  good articles the pipeline acknowledged, by URL, with the time each was first sent
     * @param storedRows    rows in PostgreSQL by URL
     * @param poisonSent    poison records by key, with the time each was sent
     * @param deadLettered  keys found in a dead-letter topic
     */
    static List<Row> tabulate(List<FaultTime> faults, Map<String, Long> acknowledged, Map<String, Integer> storedRows,
            Map<String, Long> poisonSent, Set<String> deadLettered) {
        int windows = faults.size() + 1;
        long[] sent = new long[windows];
        long[] stored = new long[windows];
        long[] lost = new long[windows];
        long[] duplicated = new long[windows];
        long[] poison = new long[windows];
        long[] dead = new long[windows];
        for (var article : acknowledged.entrySet()) {
            int w = window(faults, article.getValue());
            int rows = storedRows.getOrDefault(article.getKey(), 0);
            sent[w]++;
            if (rows == 0) {
                lost[w]++;
            } else {
                stored[w]++;
            }
            if (rows > 1) {
                duplicated[w]++;
            }
        }
        for (var record : poisonSent.entrySet()) {
            int w = window(faults, record.getValue());
            poison[w]++;
            if (deadLettered.contains(record.getKey())) {
                dead[w]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            FaultTime fault = w == 0 ? null : faults.get(w - 1);
            rows.add(new Row(fault == null ? "(before any fault)" : fault.label(), sent[w], stored[w], lost[w],
                    duplicated[w], poison[w], dead[w], fault == null ? Duration.ZERO : fault.recovery()));
        }
        return rows;
    }

    static Row total(List<Row> rows) {
        long sent = 0, stored = 0, lost = 0, duplicated = 0, poison = 0, dead = 0;
        for (Row r : rows) {
            sent += r.sent();
            stored += r.stored();
            lost += r.lost();
            duplicated += r.duplicated();
            poison += r.poison();
            dead += r.deadLettered();
        }
        return new Row("total", sent, stored, lost, duplicated, poison, dead, null);
    }

    /** The index of the window a time falls in: how many faults had been injected by then. */
    private static int window(List<FaultTime> faults, long time) {
        int w = 0;
        while (w < faults.size() && faults.get(w).injectedAt() <= time) {
            w++;
        }
        return w;
    }

    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| fault | sent | stored | lost | duplicated | poison sent | dead-lettered | recovery |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Row> all = new ArrayList<>(rows);
        all.add(total(rows));
        for (Row r : all) {
            out.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %s |%n", r.fault(), r.sent(), r.stored(), r.lost(),
                    r.duplicated(), r.poison(), r.deadLettered(), recovery(r)));
        }
        return out.toString();
    }

    private static String recovery(Row r) {
        if (r.fault().equals("total") || r.fault().startsWith("(")) {
            return "";
        }
        return r.recovery() == null ? "not recovered" : String.format("%.1f s", r.recovery().toMillis() / 1000.0);
    }

    private Outcomes() {
    }
}
