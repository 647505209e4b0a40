package dev.newspipe.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.ingest.IngestService.Result;
import dev.newspipe.ingest.IngestService.Submission;
import dev.newspipe.messaging.ArticleLogContext;
import dev.newspipe.messaging.Backoff;
import dev.newspipe.messaging.BatchDeadLetters;
import dev.newspipe.messaging.BatchDeadLetters.Readable;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Kafka intake from {@link Topics#RAW}, processed exactly like an HTTP batch: each poll's records are
 * ingested as one unit (one de-duplication transaction, one wait for Kafka's acknowledgements). The
 * batch is acknowledged, and its offsets committed, only after its articles are in Kafka (or
 * recognised as duplicates) and its dead letters are written. An invalid article goes to
 * {@link Topics#RAW_DLQ} with the reason; a record that is not an article at all goes there with its
 * original bytes. While Kafka or the database is away the batch is retried, never dead-lettered.
 */
@ApplicationScoped
public class RawArticleConsumer {

    static final String INTAKE_PATH = "kafka";
    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    IngestService ingest;

    // Whole batches are sent at once (a poll's records, an HTTP request's articles): a bounded emitter
    // buffer would fail them. What is in flight is bounded upstream by poll size, worker pool and request limits.
    @Inject
    @Channel(Topics.RAW_DLQ)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<byte[]> deadLetterChannel;

    @Inject
    IngestDrain drain;

    @Inject
    IngestMetrics metrics;

    /**
     * Batches are ingested concurrently on a bounded pool ({@code smallrye.messaging.worker.raw-ingest.max-concurrency}),
     * so one batch's text work overlaps another's wait for PostgreSQL and Kafka. The connector still
     * commits each partition's offsets in order, only up to the first record not yet acknowledged.
     * Two revisions of one article may reach {@code news.ingested} out of order; their revision numbers,
     * given under the registry's row lock, let the store keep the newest.
     */
    @Incoming(Topics.RAW)
    @Blocking(value = "raw-ingest", ordered = false)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, ArticleSubmitted> batch) {
        // Counted until the ack completes, so that a stop (IngestDrain) waits for the whole batch.
        drain.inFlight.started();
        CompletionStage<Void> done;
        try {
            done = consumeBatch(batch);
        } catch (RuntimeException e) {
            drain.inFlight.finished();
            throw e;
        }
        return done.whenComplete((ignored, error) -> drain.inFlight.finished());
    }

    private CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, ArticleSubmitted> batch) {
        BatchDeadLetters deadLetters = new BatchDeadLetters(deadLetterChannel);
        List<Readable<ArticleSubmitted>> readable = deadLetters.readable(batch, "an article (" + Topics.RAW + ")");
        int unreadable = deadLetters.count();
        try {
            List<Result> results = ingestWithRetry(readable.stream().map(r -> Submission.traced(r.payload(), r.tracing())).toList());
            for (int i = 0; i < results.size(); i++) {
                Problem problem = results.get(i).problem();
                if (problem != null) {
                    Readable<ArticleSubmitted> record = readable.get(i);
                    // Not ingested, so it has no article id: the line names its URL.
                    try (ArticleLogContext logContext = ArticleLogContext.of(null, record.tracing())) {
                        LOG.infof("invalid article %s from %s goes to %s: %s", record.payload().url(), Topics.RAW,
                                Topics.RAW_DLQ, problem.detail());
                    }
                    deadLetters.send(record.metadata(), EventJson.toBytes(record.payload()), problem.detail());
                }
            }
            deadLetters.awaitWritten(IngestService.PUBLISH_TIMEOUT);
            metrics.unreadable(unreadable);
            metrics.deadLettered(deadLetters.count() - unreadable);
            return batch.ack();
        } catch (InterruptedException e) {
            // Shutting down: leave the batch unacknowledged; it is redelivered after restart.
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(null);
        } catch (ExecutionException | TimeoutException e) {
            // A dead letter could not be written: leave the batch unacknowledged rather than lose it.
            LOG.errorf("cannot write dead letters for %s, batch left for redelivery: %s", Topics.RAW, e);
            return batch.nack(e);
        }
    }

    private List<Result> ingestWithRetry(List<Submission> submissions) throws InterruptedException {
        Backoff backoff = new Backoff(Duration.ofMillis(200), MAX_BACKOFF);
        while (true) {
            try {
                return ingest.submit(submissions, INTAKE_PATH);
            } catch (IngestService.UnavailableException e) {
                LOG.warnf("cannot ingest %d records from %s now, retrying in %d ms: %s", submissions.size(), Topics.RAW,
                        backoff.next().toMillis(), e.getMessage());
                backoff.pause();
            }
        }
    }
}
