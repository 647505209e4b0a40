package dev.newspipe.jmh;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.ingest.ArticleIngestor;
import dev.newspipe.ingest.TextNormalizer;

/** The ingest service's work on one submitted article; each call takes the next of the corpus articles. */
public class NormalizationBenchmarks extends HotPathBenchmark {

    private ArticleIngestor ingestor;
    private Cycle<ArticleSubmitted> submissions;
    private Cycle<String> bodies;

    @Setup
    public void loadArticles() {
        List<ArticleSubmitted> articles = CorpusArticles.submissions(1);
        ingestor = CorpusArticles.ingestor();
        submissions = new Cycle<>(articles);
        bodies = new Cycle<>(articles.stream().map(ArticleSubmitted::body).toList());
    }

    /** The whole intake: headline and body normalization, URL canonicalization, date, content hash and id. */
    @Benchmark
    public ArticleIngested ingest() {
        return ingestor.ingest(submissions.next(), "kafka");
    }

    /** Body normalization alone (Unicode NFC, quotes, spaces, control characters, paragraph breaks). */
    @Benchmark
    public String normalizeParagraphs() {
        return TextNormalizer.paragraphs(bodies.next());
    }
}
