package dev.newspipe.store;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.newspipe.events.JsonEventSerde;
import dev.newspipe.events.Topics;
import dev.newspipe.messaging.OutgoingEvents;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Dead letters of the batch consumer, with the same headers SmallRye's dead-letter queue writes
 * ({@code dead-letter-reason}, topic, partition, offset) and the record's original bytes as value.
 */
@ApplicationScoped
public class DeadLetterWriter {

    @Inject
    @Channel(Topics.ENRICHED_DLQ)
    Emitter<byte[]> emitter;

    /** Completes once the dead letter is in Kafka. */
    public CompletableFuture<Void> send(IncomingKafkaRecordMetadata<?, ?> record, byte[] value, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.getHeaders()) {
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
        return written;
    }

    /** The bytes a record that failed deserialization carried, kept by the connector in a header. */
    static byte[] originalValue(IncomingKafkaRecordMetadata<?, ?> record) {
        Header data = record.getHeaders().lastHeader(JsonEventSerde.FAILED_VALUE_HEADER);
        return data == null ? null : data.value();
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
