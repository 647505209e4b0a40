package dev.newspipe.eval;

import java.util.List;
import java.util.Map;

import dev.newspipe.eval.AgNewsCsv.Label;

/**
 * Which IPTC top levels count as right for an AG News label. Sports, Business and Sci/Tech each have one
 * top level. World is international news of every kind, so any of the top levels such news mostly falls
 * under counts: politics, conflict, disaster, crime and society.
 */
public final class AgNewsMapping {

    static final Map<Label, List<String>> ACCEPTED = Map.of(
            Label.SPORTS, List.of("medtop:15000000"),
            Label.BUSINESS, List.of("medtop:04000000"),
            Label.SCI_TECH, List.of("medtop:13000000"),
            Label.WORLD, List.of("medtop:11000000", "medtop:16000000", "medtop:03000000", "medtop:02000000",
                    "medtop:14000000"));

    /** Short column names for the confusion table. */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("medtop:01000000", "arts"),
            Map.entry("medtop:02000000", "crime"),
            Map.entry("medtop:03000000", "disaster"),
            Map.entry("medtop:04000000", "business"),
            Map.entry("medtop:05000000", "education"),
            Map.entry("medtop:06000000", "environment"),
            Map.entry("medtop:07000000", "health"),
            Map.entry("medtop:08000000", "human int."),
            Map.entry("medtop:09000000", "labour"),
            Map.entry("medtop:10000000", "lifestyle"),
            Map.entry("medtop:11000000", "politics"),
            Map.entry("medtop:12000000", "religion"),
            Map.entry("medtop:13000000", "sci/tech"),
            Map.entry("medtop:14000000", "society"),
            Map.entry("medtop:15000000", "sport"),
            Map.entry("medtop:16000000", "conflict"),
            Map.entry("medtop:17000000", "weather"));

    public static boolean accepts(Label label, String topLevel) {
        return ACCEPTED.get(label).contains(topLevel);
    }

    static String shortName(String code) {
        return SHORT_NAMES.getOrDefault(code, code);
    }

    static String describe() {
        StringBuilder out = new StringBuilder();
        for (Label label : Label.values()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(label.title()).append(" → ").append(String.join(" or ", ACCEPTED.get(label).stream()
                    .map(code -> code + " (" + shortName(code) + ")").toList()));
        }
        return out.toString();
    }

    private AgNewsMapping() {
    }
}
