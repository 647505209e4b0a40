package dev.newspipe.enrich.topics;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.testsupport.SharedData;

/**
 * Measures the top-level Media Topic against the AG News test set (shared/data/eval/agnews-test.csv,
 * a DEVELOPMENT set here: read it to find weak cues, never copy its text into the cues).
 *
 * <p>How AG's four sections map to IPTC level 1, and why:
 * <ul>
 * <li>Sports: sport (15000000).
 * <li>Business: economy, business and finance (04000000). The lenient figure also accepts labour
 *     (09000000): jobs reports, pensions and union talks run on AG's business desk.
 * <li>Sci/Tech: science and technology (13000000). The lenient figure also accepts economy (04000000),
 *     because AG files tech-company business (earnings, takeovers, IPOs) under Sci/Tech while IPTC puts it
 *     under economy, and environment (06000000) and health (07000000), because AG's Sci/Tech carries
 *     nature and medical-research stories that IPTC files there.
 * <li>World: AG's world desk is international hard news, so any of politics (11000000), conflict
 *     (16000000), crime (02000000), disaster (03000000), religion (12000000), society (14000000), weather
 *     (17000000) and human interest (08000000). Economy, health, environment, science and sport are not
 *     World: those have desks of their own. The lenient figure also accepts health (07000000), since
 *     epidemics abroad run on the world desk.
 * </ul>
 *
 * Run it on the test classpath, as {@link TopicsBenchmark} describes. Optional first argument: a file to
 * write the misclassified items to (section, predicted level-1 topics with scores, title | description).
 */
public final class AgNewsEvaluation {

    static final String[] SECTIONS = {"", "World", "Sports", "Business", "Sci/Tech"};

    static final Map<Integer, Set<String>> STRICT = Map.of(
            1, Set.of("medtop:11000000", "medtop:16000000", "medtop:02000000", "medtop:03000000", "medtop:12000000",
                    "medtop:14000000", "medtop:17000000", "medtop:08000000"),
            2, Set.of("medtop:15000000"),
            3, Set.of("medtop:04000000"),
            4, Set.of("medtop:13000000"));

    static final Map<Integer, Set<String>> LENIENT = Map.of(
            1, Set.of("medtop:11000000", "medtop:16000000", "medtop:02000000", "medtop:03000000", "medtop:12000000",
                    "medtop:14000000", "medtop:17000000", "medtop:08000000", "medtop:07000000"),
            2, Set.of("medtop:15000000"),
            3, Set.of("medtop:04000000", "medtop:09000000"),
            4, Set.of("medtop:13000000", "medtop:04000000", "medtop:06000000", "medtop:07000000"));

    public record Item(int label, String title, String description) {
    }

    public static void main(String[] args) throws IOException {
        Path csv = SharedData.find("data/eval/agnews-test.csv")
                .orElseThrow(() -> new IllegalStateException("shared/data/eval/agnews-test.csv not found; set NEWS_SHARED_DIR"));
        List<Item> items = read(csv);
        TopicClassifier classifier = new TopicClassifier();
        int strict = 0;
        int lenient = 0;
        int[][] bySection = new int[5][2];
        Map<Integer, Map<String, Integer>> confusion = new TreeMap<>();
        PrintWriter errors = args.length > 0 ? new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) : null;
        long started = System.nanoTime();
        for (Item item : items) {
            List<MediaTopic> topics = classifier.classify(item.title(), item.description(), "en");
            String top = topics.isEmpty() ? "none" : topics.get(0).code();
            boolean ok = STRICT.get(item.label()).contains(top);
            strict += ok ? 1 : 0;
            lenient += LENIENT.get(item.label()).contains(top) ? 1 : 0;
            bySection[item.label()][0]++;
            bySection[item.label()][1] += ok ? 1 : 0;
            confusion.computeIfAbsent(item.label(), k -> new TreeMap<>()).merge(top, 1, Integer::sum);
            if (!ok && errors != null) {
                errors.println(SECTIONS[item.label()] + "\t" + describe(topics) + "\t" + item.title() + " | " + item.description());
            }
        }
        long micros = (System.nanoTime() - started) / 1000;
        if (errors != null) {
            errors.close();
        }
        System.out.printf(Locale.ROOT, "AG News test: %d items, %.1f µs per item (cold JVM)%n", items.size(), (double) micros / items.size());
        System.out.printf(Locale.ROOT, "top-level accuracy, strict mapping:  %.4f%n", (double) strict / items.size());
        System.out.printf(Locale.ROOT, "top-level accuracy, lenient mapping: %.4f%n", (double) lenient / items.size());
        for (int label = 1; label <= 4; label++) {
            System.out.printf(Locale.ROOT, "  %-9s %.4f (%d items)%n", SECTIONS[label],
                    (double) bySection[label][1] / bySection[label][0], bySection[label][0]);
        }
        System.out.println();
        System.out.println("confusion: AG section (rows) by first predicted level-1 topic (columns, medtop:NN000000 as NN)");
        List<String> columns = new ArrayList<>();
        confusion.values().forEach(row -> row.keySet().forEach(c -> {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        }));
        columns.sort(String::compareTo);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-9s", ""));
        for (String c : columns) {
            header.append(String.format(Locale.ROOT, "%6s", shortCode(c)));
        }
        System.out.println(header);
        for (var row : confusion.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s", SECTIONS[row.getKey()]));
            for (String c : columns) {
                line.append(String.format(Locale.ROOT, "%6d", row.getValue().getOrDefault(c, 0)));
            }
            System.out.println(line);
        }
    }

    static String shortCode(String code) {
        return code.startsWith("medtop:") && code.endsWith("000000") ? code.substring(7, 9) : code;
    }

    static String describe(List<MediaTopic> topics) {
        StringBuilder s = new StringBuilder();
        for (MediaTopic t : topics) {
            if (t.level() == 1) {
                s.append(shortCode(t.code())).append(':').append(t.score()).append(' ');
            }
        }
        return s.toString().strip();
    }

    /** AG's CSV: three fields, quoted with doubled quotes inside; backslashes and HTML entity debris cleaned. */
    public static List<Item> read(Path csv) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = fields(lines.get(i));
            if (fields.size() >= 3 && !fields.get(0).isBlank()) {
                items.add(new Item(Integer.parseInt(fields.get(0).strip()), clean(fields.get(1)), clean(fields.get(2))));
            }
        }
        return items;
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static String clean(String text) {
        return text.replace("\\", " ").replace("#36;", "$").replace("#39;", "'").replace("quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private AgNewsEvaluation() {
    }
}
