package dev.newspipe.jmh;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.newspipe.bench.Corpus;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.ingest.ArticleIngestor;
import dev.newspipe.testsupport.SharedData;

/**
 * The benchmarks' input: {@value #COUNT} different articles of about 600 words from the corpus
 * {@code deploy/local/bench} uses (the project's samples and, when {@code ../shared} or
 * {@code NEWS_SHARED_DIR} has it, AG News), so that a benchmark does not measure one text the JIT and the
 * caches have learnt. The project root comes from {@code -Dnewspipe.root} (set by {@code deploy/local/jmh}).
 */
final class CorpusArticles {

    static final int COUNT = 1_000;

    /** As clients submit them. */
    static List<ArticleSubmitted> submissions(long seed) {
        Corpus corpus = load(seed);
        List<ArticleSubmitted> submissions = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            submissions.add(corpus.nextSubmission(i));
        }
        return submissions;
    }

    /**
     * As the ingest service emits them: through the real ingestor, so the language is left to the enrich
     * service's detector, as it is for these submissions in the pipeline.
     */
    static List<ArticleIngested> ingested(long seed) {
        ArticleIngestor ingestor = ingestor();
        return submissions(seed).stream().map(s -> ingestor.ingest(s, "kafka")).toList();
    }

    /** Configured as the ingest service's defaults (news.ingest.min-body-length=20, a day's clock skew). */
    static ArticleIngestor ingestor() {
        return new ArticleIngestor(20, Duration.ofHours(24), Clock.systemUTC());
    }

    private static Corpus load(long seed) {
        Path root = Path.of(System.getProperty("newspipe.root", ".")).toAbsolutePath().normalize();
        Corpus corpus = Corpus.load(root, SharedData.find("").orElse(null), seed);
        // JMH prints a fork's output: the run shows which text it measured.
        System.out.println("corpus: " + corpus.description);
        return corpus;
    }

    private CorpusArticles() {
    }
}
