package dev.newspipe.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.newspipe.events.JsonEventSerde;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Dead letters of one batch of a batch consumer. SmallRye's dead-letter queue only takes a whole batch,
 * so batch consumers route single records themselves, with the same headers SmallRye writes
 * ({@code dead-letter-reason}, topic, partition, offset). A batch may be acknowledged only once
 * {@link #awaitWritten} has returned: a dead letter is never lost with its offset committed.
 */
public final class BatchDeadLetters {

    /**
     * A record of the batch that could be deserialized, with its trace context ({@code tracing}, null when
     * tracing is off): what is sent for this record should carry it, so each article keeps one trace.
     */
    public record Readable<T>(T payload, IncomingKafkaRecordMetadata<?, ?> metadata, TracingMetadata tracing) {
    }

    private final Emitter<byte[]> emitter;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();

    /** @param emitter the dead-letter topic's channel, with a byte-array serializer */
    public BatchDeadLetters(Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * The batch's records that could be deserialized, in order; the others (poison records, which the
     * {@link PoisonRecordHandler} turned into null payloads) are sent as dead letters with their original bytes.
     */
    public <T> List<Readable<T>> readable(KafkaRecordBatch<?, T> batch, String expected) {
        List<Readable<T>> readable = new ArrayList<>();
        for (KafkaRecord<?, T> record : batch.getRecords()) {
            IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
            if (record.getPayload() == null) {
                Header reason = metadata.getHeaders().lastHeader("deserialization-failure-reason");
                Header original = metadata.getHeaders().lastHeader(JsonEventSerde.FAILED_VALUE_HEADER);
                send(metadata, original == null ? null : original.value(),
                        reason == null ? "not " + expected : new String(reason.value(), StandardCharsets.UTF_8));
            } else {
                readable.add(new Readable<>(record.getPayload(), metadata, record.getMetadata(TracingMetadata.class).orElse(null)));
            }
        }
        return readable;
    }

    /** Sends {@code value} as the dead letter of {@code record}, with {@code reason}. */
    public void send(IncomingKafkaRecordMetadata<?, ?> record, byte[] value, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.getHeaders()) {
            // The failed bytes are the value already; the other failure headers would only repeat them.
            if (!h.key().startsWith("deserialization-failure-") || h.key().equals("deserialization-failure-reason")) {
                headers.add(h);
            }
        }
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-topic", utf8(record.getTopic()));
        headers.add("dead-letter-partition", utf8(String.valueOf(record.getPartition())));
        headers.add("dead-letter-offset", utf8(String.valueOf(record.getOffset())));
        CompletableFuture<Void> written = new CompletableFuture<>();
        Message<byte[]> message = OutgoingEvents.completing(value, written)
                .addMetadata(OutgoingKafkaRecordMetadata.<Object>builder().withKey(record.getKey()).withHeaders(headers).build());
        emitter.send(message);
        pending.add(written);
    }

    /** The dead letters sent so far. */
    public int count() {
        return pending.size();
    }

    /** Waits until the broker has every dead letter sent so far. */
    public void awaitWritten(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
