package dev.newspipe.enrich.topics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.newspipe.enrich.text.Keyphrases;
import dev.newspipe.enrich.text.Quotes;
import dev.newspipe.enrich.text.SeedArticles;
import dev.newspipe.enrich.text.Summaries;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.testsupport.SharedData;

/**
 * Time per article of topics, keyphrases, lead summary (with the fallback sentence splitter) and quotes,
 * on one thread after warm-up. Articles: the seed stories and ~600-word bodies glued from AG News items.
 * Not a test: timings depend on the machine. Run (after {@code ./mvnw -o -q -pl enrich-service test-compile}):
 * <pre>
 * cd enrich-service
 * ../mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * NEWS_SHARED_DIR=/work/shared java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.newspipe.enrich.topics.TopicsBenchmark
 * </pre>
 * The same command line runs {@link AgNewsEvaluation}.
 */
public final class TopicsBenchmark {

    record Article(String headline, String body, List<Entity> entities) {
    }

    public static void main(String[] args) throws Exception {
        List<Article> articles = articles();
        TopicClassifier topics = new TopicClassifier();
        Keyphrases keyphrases = new Keyphrases();
        Summaries summaries = new Summaries();
        Quotes quotes = new Quotes();
        long words = articles.stream().mapToLong(a -> a.body().split("\\s+").length).sum();
        System.out.printf(Locale.ROOT, "%d articles, %.0f words on average%n", articles.size(), (double) words / articles.size());
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long[] nanos = new long[4];
            int repeats = round == 0 ? 20 : 100;
            for (int r = 0; r < repeats; r++) {
                for (Article a : articles) {
                    long t0 = System.nanoTime();
                    sink += topics.classify(a.headline(), a.body(), "en").size();
                    long t1 = System.nanoTime();
                    sink += keyphrases.extract(a.headline(), a.body(), "en", 10).size();
                    long t2 = System.nanoTime();
                    sink += summaries.lead(a.body(), Summaries.roughSentences(a.body()), 300).length();
                    long t3 = System.nanoTime();
                    sink += quotes.find(a.body(), a.entities()).size();
                    long t4 = System.nanoTime();
                    nanos[0] += t1 - t0;
                    nanos[1] += t2 - t1;
                    nanos[2] += t3 - t2;
                    nanos[3] += t4 - t3;
                }
            }
            if (round == 0) {
                continue;
            }
            double n = (double) repeats * articles.size();
            double total = (nanos[0] + nanos[1] + nanos[2] + nanos[3]) / n / 1000;
            System.out.printf(Locale.ROOT, "round %d, µs per article: topics %.0f, keyphrases %.0f, summary %.0f, quotes %.0f; total %.0f µs"
                    + " (%.0f articles/s on one core for these four)%n", round, nanos[0] / n / 1000, nanos[1] / n / 1000,
                    nanos[2] / n / 1000, nanos[3] / n / 1000, total, 1e6 / total);
        }
        System.out.println("(checksum " + sink + ")");
    }

    static List<Article> articles() throws Exception {
        List<Article> articles = new ArrayList<>();
        for (String id : List.of("000", "001", "004")) {
            SeedArticles.load(id).ifPresent(s -> articles.add(new Article(s.headline(), s.body(), people(s.body()))));
        }
        Path csv = SharedData.find("data/eval/agnews-test.csv").orElse(null);
        if (csv != null) {
            List<AgNewsEvaluation.Item> items = AgNewsEvaluation.read(csv);
            StringBuilder body = new StringBuilder();
            String headline = null;
            for (AgNewsEvaluation.Item item : items) {
                if (headline == null) {
                    headline = item.title();
                }
                body.append(item.description()).append(body.length() % 3 == 0 ? "\n" : " ");
                if (body.toString().split("\\s+").length >= 600) {
                    String text = body.toString();
                    articles.add(new Article(headline, text, people(text)));
                    body.setLength(0);
                    headline = null;
                    if (articles.size() >= 60) {
                        break;
                    }
                }
            }
        }
        if (articles.isEmpty()) {
            throw new IllegalStateException("no shared data found; set NEWS_SHARED_DIR");
        }
        return articles;
    }

    /** A stand-in for the entity recogniser: every pair of capitalised words is a PERSON mention. */
    static List<Entity> people(String body) {
        List<Entity> entities = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\b\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+\\b").matcher(body);
        while (m.find() && entities.size() < 30) {
            entities.add(new Entity("person:" + entities.size(), EntityType.PERSON, m.group(),
                    List.of(new Mention(m.group(), m.start(), m.end())), 1, 0.1));
        }
        return entities;
    }

    private TopicsBenchmark() {
    }
}
