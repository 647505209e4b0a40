package dev.newspipe.jmh;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.EventJson;

/** The event JSON ingest reads and writes per article: a submission in, an ingested event (with the submission) out. */
public class EventJsonBenchmarks extends HotPathBenchmark {

    private Cycle<byte[]> submissionJson;
    private Cycle<ArticleIngested> ingested;

    @Setup
    public void loadArticles() {
        List<ArticleSubmitted> articles = CorpusArticles.submissions(1);
        var ingestor = CorpusArticles.ingestor();
        submissionJson = new Cycle<>(articles.stream().map(EventJson::toBytes).toList());
        ingested = new Cycle<>(articles.stream().map(a -> ingestor.ingest(a, "kafka")).toList());
    }

    /** A submission as ingest reads it from news.raw. */
    @Benchmark
    public ArticleSubmitted readSubmission() {
        return EventJson.fromBytes(submissionJson.next(), ArticleSubmitted.class);
    }

    /** The ingested event as ingest writes it to news.ingested. */
    @Benchmark
    public byte[] writeIngested() {
        return EventJson.toBytes(ingested.next());
    }
}
