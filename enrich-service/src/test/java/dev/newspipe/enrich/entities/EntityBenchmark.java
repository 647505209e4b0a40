package dev.newspipe.enrich.entities;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.newspipe.enrich.language.LanguageIdentifier;
import dev.newspipe.testsupport.SharedData;

/**
 * Single-thread throughput of entity recognition (and, separately, language identification) on
 * ~600-word articles built from consecutive AG News items. A main, not a test: timings need a quiet
 * machine. Run with {@code -Xmx512m} (classpath as for {@link ConllEvaluation}); the argument is the number
 * of rounds over the articles; prints wall and thread-CPU ms per article for each round.
 */
public final class EntityBenchmark {

    private static final int WORDS_PER_ARTICLE = 600;

    public static void main(String[] args) throws IOException {
        Path csv = SharedData.find("data/eval/agnews-test.csv")
                .orElseThrow(() -> new IllegalStateException("shared/data/eval/agnews-test.csv not found; set NEWS_SHARED_DIR"));
        List<String[]> articles = articles(Files.readAllLines(csv));
        EntityRecognizer recognizer = new EntityRecognizer();
        LanguageIdentifier languages = new LanguageIdentifier();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long entities = 0;
        // Thread CPU time as well as wall time: on a busy machine the wall clock also counts waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (String[] article : articles) {
                entities += recognizer.recognize(article[0], article[1], "en").size();
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            for (String[] article : articles) {
                languages.identify(article[1]);
            }
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            int n = articles.size();
            System.out.printf(Locale.ROOT, "round %d: %d articles; entities %.3f ms/article (cpu %.3f); language %.3f ms/article (cpu %.3f)%n",
                    round, n, (t1 - t0) / 1e6 / n, (c1 - c0) / 1e6 / n, (t2 - t1) / 1e6 / n, (c2 - c1) / 1e6 / n);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%.1f entities/article; heap used %d MB of max %d MB%n",
                (double) entities / rounds / articles.size(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    /** {headline, body} pairs: the first item's title as headline, titles and descriptions as paragraphs. */
    private static List<String[]> articles(List<String> lines) {
        List<String[]> articles = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String headline = null;
        int words = 0;
        for (String line : lines) {
            List<String> fields = csvFields(line);
            if (fields.size() < 3) {
                continue;
            }
            String title = fields.get(1);
            String description = fields.get(2).replace("\\\\", " ").replaceAll("\\s+", " ").strip();
            if (headline == null) {
                headline = title;
            } else {
                body.append(title).append('\n');
            }
            body.append(description).append("\n\n");
            words += (title + " " + description).split("\\s+").length;
            if (words >= WORDS_PER_ARTICLE) {
                articles.add(new String[] {headline, body.toString()});
                body.setLength(0);
                headline = null;
                words = 0;
            }
        }
        return articles;
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private EntityBenchmark() {
    }
}
