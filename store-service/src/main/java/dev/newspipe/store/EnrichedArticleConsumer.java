package dev.newspipe.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.messaging.Backoff;
import dev.newspipe.messaging.DatabaseErrors;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

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

    @Inject
    DeadLetterWriter deadLetters;

    private record Readable(ArticleEnriched event, IncomingKafkaRecordMetadata<?, ?> metadata) {
    }

    @Incoming(Topics.ENRICHED)
    @Blocking
    public CompletionStage<Void> store(KafkaRecordBatch<String, ArticleEnriched> batch) {
        List<Readable> readable = new ArrayList<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, ArticleEnriched> record : batch.getRecords()) {
            IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
            if (record.getPayload() == null) {
                deadLettered.add(deadLetters.send(metadata, DeadLetterWriter.originalValue(metadata), poisonReason(metadata)));
            } else {
                readable.add(new Readable(record.getPayload(), metadata));
            }
        }
        try {
            storeWithRetry(readable, deadLettered);
            CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
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

    private void storeWithRetry(List<Readable> records, List<CompletableFuture<Void>> deadLettered) throws InterruptedException {
        Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
        while (true) {
            try {
                repository.upsertAll(records.stream().map(Readable::event).toList());
                return;
            } catch (SQLException e) {
                if (!DatabaseErrors.isTransient(e)) {
                    // The database refuses some row as data: find it by storing one at a time.
                    storeOneByOne(records, deadLettered);
                    return;
                }
                LOG.warnf("database unavailable while storing %d articles, retrying in %d ms: %s", records.size(),
                        backoff.next().toMillis(), e.getMessage());
                backoff.pause();
            }
        }
    }

    private void storeOneByOne(List<Readable> records, List<CompletableFuture<Void>> deadLettered) throws InterruptedException {
        for (Readable record : records) {
            try {
                repository.upsertAll(List.of(record.event()));
            } catch (SQLException e) {
                if (DatabaseErrors.isTransient(e)) {
                    storeWithRetry(List.of(record), deadLettered);
                } else {
                    deadLettered.add(deadLetters.send(record.metadata(), EventJson.toBytes(record.event()),
                            "the database refused article " + record.event().id() + ": " + e.getMessage()));
                }
            }
        }
    }

    private static String poisonReason(IncomingKafkaRecordMetadata<?, ?> metadata) {
        Header reason = metadata.getHeaders().lastHeader("deserialization-failure-reason");
        return reason == null ? "not a " + Topics.ENRICHED + " event" : new String(reason.value(), StandardCharsets.UTF_8);
    }
}
