package dev.newspipe.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.messaging.ArticleLogContext;
import dev.newspipe.messaging.Backoff;
import dev.newspipe.messaging.BatchDeadLetters;
import dev.newspipe.messaging.BatchDeadLetters.Readable;
import dev.newspipe.messaging.DatabaseErrors;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Kafka adapter of the store stage. Each poll's records are written in one transaction with
 * multi-row upserts; the batch is acknowledged, so its offsets can be committed, only after that
 * transaction commits. While the database is unreachable the write is retried with backoff and
 * consumption waits. Records that are not events, or that the database refuses as data, go to
 * {@link Topics#ENRICHED_DLQ} with the reason; the rest of the batch is stored.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    ArticleRepository repository;

    // Whole batches are sent at once (a poll's records, an HTTP request's articles): a bounded emitter
    // buffer would fail them. What is in flight is bounded upstream by poll size, worker pool and request limits.
    @Inject
    @Channel(Topics.ENRICHED_DLQ)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<byte[]> deadLetterChannel;

    @Inject
    StoreDrain drain;

    @Inject
    StoreMetrics metrics;

    // A batch holds many articles' records, so its write belongs to no one article's trace: it is a trace of
    // its own, with each SQL statement a child span (JDBC telemetry), recorded when tracing is on.
    @Incoming(Topics.ENRICHED)
    @Blocking
    @WithSpan("store " + Topics.ENRICHED + " batch")
    public CompletionStage<Void> store(KafkaRecordBatch<String, ArticleEnriched> batch) {
        // Counted until the ack completes, so that a stop (StoreDrain) waits for the whole batch.
        drain.inFlight.started();
        CompletionStage<Void> done;
        try {
            done = storeBatch(batch);
        } catch (RuntimeException e) {
            drain.inFlight.finished();
            throw e;
        }
        return done.whenComplete((ignored, error) -> drain.inFlight.finished());
    }

    private CompletionStage<Void> storeBatch(KafkaRecordBatch<String, ArticleEnriched> batch) {
        long start = System.nanoTime();
        metrics.received(batch.getRecords().size());
        BatchDeadLetters deadLetters = new BatchDeadLetters(deadLetterChannel);
        List<Readable<ArticleEnriched>> readable = deadLetters.readable(batch, "a " + Topics.ENRICHED + " event");
        try {
            List<ArticleEnriched> stored = storeWithRetry(readable, deadLetters);
            deadLetters.awaitWritten(Duration.ofSeconds(30));
            metrics.stored(stored, deadLetters.count(), System.nanoTime() - start);
            return batch.ack();
        } catch (InterruptedException e) {
            // Shutting down: neither ack nor dead-letter; the uncommitted records are redelivered later.
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(null);
        } catch (ExecutionException | TimeoutException e) {
            // A dead letter could not be written: leave the batch unacknowledged rather than lose it.
            LOG.errorf("cannot write dead letters for %s, batch left for redelivery: %s", Topics.ENRICHED, e);
            return batch.nack(e);
        }
    }

    /** @return the articles written, in order; the others are dead letters */
    private List<ArticleEnriched> storeWithRetry(List<Readable<ArticleEnriched>> records, BatchDeadLetters deadLetters)
            throws InterruptedException {
        Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
        while (true) {
            try {
                List<ArticleEnriched> articles = records.stream().map(Readable::payload).toList();
                repository.upsertAll(articles);
                return articles;
            } catch (SQLException e) {
                if (!DatabaseErrors.isTransient(e)) {
                    // The database refuses some row as data: find it by storing one at a time.
                    return storeOneByOne(records, deadLetters);
                }
                LOG.warnf("database unavailable while storing %d articles, retrying in %d ms: %s", records.size(),
                        backoff.next().toMillis(), e.getMessage());
                backoff.pause();
            }
        }
    }

    private List<ArticleEnriched> storeOneByOne(List<Readable<ArticleEnriched>> records, BatchDeadLetters deadLetters)
            throws InterruptedException {
        List<ArticleEnriched> stored = new ArrayList<>();
        for (Readable<ArticleEnriched> record : records) {
            try {
                repository.upsertAll(List.of(record.payload()));
                stored.add(record.payload());
            } catch (SQLException e) {
                if (DatabaseErrors.isTransient(e)) {
                    stored.addAll(storeWithRetry(List.of(record), deadLetters));
                } else {
                    String reason = "the database refused article " + record.payload().id() + ": " + e.getMessage();
                    try (ArticleLogContext logContext = ArticleLogContext.of(record.payload().id(), record.tracing())) {
                        LOG.warnf("%s; it goes to %s", reason, Topics.ENRICHED_DLQ);
                    }
                    deadLetters.send(record.metadata(), EventJson.toBytes(record.payload()), reason);
                }
            }
        }
        return stored;
    }
}
