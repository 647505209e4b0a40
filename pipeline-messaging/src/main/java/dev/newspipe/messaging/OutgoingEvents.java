package dev.newspipe.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.reactive.messaging.Message;

import dev.newspipe.events.CloudEventHeaders;
import dev.newspipe.events.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Attaches what every pipeline record carries: the article id as the Kafka key and the CloudEvents
 * attributes, which the connector writes as binary-mode {@code ce_*} headers.
 */
public final class OutgoingEvents {

    /**
     * @param message   the message to send; its acknowledgement (for a processor, the incoming record's) is kept
     * @param eventId   a deterministic {@code ce_id}, so that a redelivered event can be recognised downstream
     * @param service   the producing stage, for {@code ce_source}
     */
    public static <T> Message<T> withEnvelope(Message<T> message, EventType type, String key, String eventId,
            String service) {
        return message
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId)
                        .withType(type.ceType())
                        .withSource(URI.create(CloudEventHeaders.sourceOf(service)))
                        .withSubject(key)
                        .withDataContentType("application/json")
                        .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                        .build());
    }

    /** A message whose acknowledgement by the connector (the broker has the record) completes {@code written}. */
    public static <T> Message<T> completing(T payload, CompletableFuture<Void> written) {
        return Message.of(payload)
                .withAck(() -> {
                    written.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    written.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private OutgoingEvents() {
    }
}
