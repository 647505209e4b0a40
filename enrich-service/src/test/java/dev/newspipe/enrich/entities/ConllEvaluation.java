package dev.newspipe.enrich.entities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.testsupport.SharedData;

/**
 * Scores {@link EntityRecognizer} on the CoNLL-2003 English development set (a measuring tool, not a
 * test): exact-span precision, recall and F1 per type and micro-averaged over PER, ORG and LOC.
 *
 * <p>Text is rebuilt from the tokens with single spaces, one sentence per line, and recognised one
 * article (headline, dateline and story) at a time. Our types map to CoNLL's: PERSON to PER, ORGANIZATION to ORG,
 * LOCATION to LOC except adjectival mentions ("Iranian", "London-based"), which CoNLL tags MISC like EVENT,
 * PRODUCT and MISC.
 *
 * <p>Run from the project root (or an IDE); {@code --errors N} prints N false positives and negatives per type:
 * <pre>
 * ./mvnw -o -q -pl enrich-service test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * NEWS_SHARED_DIR=../shared java -Xmx512m -cp enrich-service/target/test-classes:enrich-service/target/classes:$(cat enrich-service/target/test-cp.txt) \
 *     dev.newspipe.enrich.entities.ConllEvaluation --errors 40
 * </pre>
 */
public final class ConllEvaluation {

    private static final int MAX_SENTENCES_PER_CHUNK = 60;
    private static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

    record Span(int start, int end, String type) {
    }

    public static void main(String[] args) throws IOException {
        int errors = args.length > 1 && args[0].equals("--errors") ? Integer.parseInt(args[1]) : 0;
        Path file = SharedData.find("data/eval/conll2003-dev.txt")
                .orElseThrow(() -> new IllegalStateException("shared/data/eval/conll2003-dev.txt not found; set NEWS_SHARED_DIR"));
        List<List<String[]>> sentences = readSentences(file);
        EntityRecognizer recognizer = new EntityRecognizer();
        Map<String, int[]> counts = new TreeMap<>(); // type -> {tp, fp, fn}
        for (String type : TYPES) {
            counts.put(type, new int[3]);
        }
        Map<String, List<String>> falsePositives = new TreeMap<>();
        Map<String, List<String>> falseNegatives = new TreeMap<>();
        long nanos = 0;
        for (List<List<String[]>> chunk : articles(sentences)) {
            StringBuilder text = new StringBuilder();
            Set<Span> gold = new HashSet<>();
            for (List<String[]> sentence : chunk) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                int entityStart = -1;
                String entityType = null;
                int lastEnd = -1;
                for (int i = 0; i < sentence.size(); i++) {
                    String[] row = sentence.get(i);
                    if (i > 0) {
                        text.append(' ');
                    }
                    int start = text.length();
                    text.append(row[0]);
                    String tag = row[3];
                    if (entityType != null && !tag.equals("I-" + entityType)) {
                        gold.add(new Span(entityStart, lastEnd, entityType));
                        entityType = null;
                    }
                    if (tag.startsWith("B-") || tag.startsWith("I-") && entityType == null) {
                        entityStart = start;
                        entityType = tag.substring(2);
                    }
                    lastEnd = text.length();
                }
                if (entityType != null) {
                    gold.add(new Span(entityStart, lastEnd, entityType));
                }
            }
            String body = text.toString();
            long t0 = System.nanoTime();
            EntityRecognizer.Analysis analysis = recognizer.analyse("", body, "en");
            nanos += System.nanoTime() - t0;
            Set<Span> predicted = new HashSet<>();
            for (Entity entity : analysis.entities()) {
                for (Mention m : entity.mentions()) {
                    predicted.add(new Span(m.start(), m.end(), conllType(entity.type(), analysis.adjectivalStarts().contains(m.start()))));
                }
            }
            for (Span p : predicted) {
                int[] c = counts.get(p.type());
                if (gold.contains(p)) {
                    c[0]++;
                } else {
                    c[1]++;
                    falsePositives.computeIfAbsent(p.type(), k -> new ArrayList<>()).add(describe(body, p, gold));
                }
            }
            for (Span g : gold) {
                if (!predicted.contains(g)) {
                    counts.get(g.type())[2]++;
                    falseNegatives.computeIfAbsent(g.type(), k -> new ArrayList<>()).add(describe(body, g, predicted));
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        System.out.printf("CoNLL-2003 dev, %d sentences, exact spans%n", sentences.size());
        System.out.printf("%-6s %7s %7s %7s %6s %6s %6s%n", "type", "tp", "fp", "fn", "P", "R", "F1");
        for (String type : TYPES) {
            int[] c = counts.get(type);
            print(type, c[0], c[1], c[2]);
            if (!type.equals("MISC")) {
                tp += c[0];
                fp += c[1];
                fn += c[2];
            }
        }
        print("micro", tp, fp, fn);
        System.out.printf("(PER/ORG/LOC micro; recognition took %.1f s)%n", nanos / 1e9);
        if (errors > 0) {
            for (String type : TYPES) {
                System.out.println("--- false positives " + type);
                falsePositives.getOrDefault(type, List.of()).stream().limit(errors).forEach(System.out::println);
                System.out.println("--- false negatives " + type);
                falseNegatives.getOrDefault(type, List.of()).stream().limit(errors).forEach(System.out::println);
            }
        }
    }

    /**
     * The file has no document markers, but each Reuters story starts with its headline followed by a
     * dateline ending in the date ("LONDON 1996-08-30"): cut there, so that an article is recognised whole.
     */
    static List<List<List<String[]>>> articles(List<List<String[]>> sentences) {
        List<List<List<String[]>>> articles = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < sentences.size(); i++) {
            List<String[]> sentence = sentences.get(i);
            boolean dateline = sentence.get(sentence.size() - 1)[0].matches("\\d{4}-\\d{2}-\\d{2}");
            if (dateline && i - 1 > start || i - start >= MAX_SENTENCES_PER_CHUNK) {
                int cut = dateline ? i - 1 : i;
                articles.add(sentences.subList(start, cut));
                start = cut;
            }
        }
        articles.add(sentences.subList(start, sentences.size()));
        return articles;
    }

    private static String describe(String body, Span span, Set<Span> other) {
        String counterpart = other.stream()
                .filter(o -> o.start() < span.end() && span.start() < o.end())
                .map(o -> body.substring(o.start(), o.end()) + "/" + o.type())
                .findFirst().orElse("-");
        int lineStart = body.lastIndexOf('\n', span.start()) + 1;
        int lineEnd = body.indexOf('\n', span.end());
        String line = body.substring(lineStart, lineEnd < 0 ? body.length() : lineEnd);
        return String.format(Locale.ROOT, "%-30s vs %-30s | %s", body.substring(span.start(), span.end()), counterpart,
                line.length() > 110 ? line.substring(0, 110) : line);
    }

    private static void print(String type, int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        System.out.printf(Locale.ROOT, "%-6s %7d %7d %7d %6.3f %6.3f %6.3f%n", type, tp, fp, fn, p, r, f);
    }

    static String conllType(EntityType type, boolean demonym) {
        switch (type) {
            case PERSON:
                return "PER";
            case ORGANIZATION:
                return "ORG";
            case LOCATION:
                return demonym ? "MISC" : "LOC";
            default:
                return "MISC";
        }
    }

    private static List<List<String[]>> readSentences(Path file) throws IOException {
        List<List<String[]>> sentences = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            String[] cols = line.split(" ");
            if (cols.length >= 4) {
                current.add(cols);
            }
        }
        if (!current.isEmpty()) {
            sentences.add(current);
        }
        return sentences;
    }

    private ConllEvaluation() {
    }
}
