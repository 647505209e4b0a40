package dev.newspipe.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads sample values out of a Prometheus text exposition (a {@code /q/metrics} body), so that tests can
 * compare a counter before and after the work they cause.
 */
public final class MetricsScrape {

    private final String body;

    public MetricsScrape(String body) {
        this.body = body;
    }

    /**
     * The sum of the samples named {@code name} whose labels include all of {@code labels} (0 when there
     * is none): for a counter tagged by more than the test cares about, every series is added up.
     */
    public double sum(String name, Map<String, String> labels) {
        return values(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** How much the samples {@link #sum} adds up grew from an earlier scrape to this one. */
    public double since(MetricsScrape earlier, String name, Map<String, String> labels) {
        return sum(name, labels) - earlier.sum(name, labels);
    }

    public double sum(String name) {
        return sum(name, Map.of());
    }

    /** Whether a sample of that name (with those labels) is in the exposition at all. */
    public boolean has(String name, Map<String, String> labels) {
        return !values(name, labels).isEmpty();
    }

    private List<Double> values(String name, Map<String, String> labels) {
        List<Double> values = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            String labelPart;
            if (rest.startsWith("{")) {
                labelPart = rest.substring(1, rest.lastIndexOf('}'));
            } else if (rest.startsWith(" ")) {
                labelPart = "";
            } else {
                continue;   // a longer name that starts with this one
            }
            if (labels.entrySet().stream().allMatch(l -> labelPart.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                values.add(Double.parseDouble(rest.substring(rest.lastIndexOf(' ') + 1).trim()));
            }
        }
        return values;
    }
}
