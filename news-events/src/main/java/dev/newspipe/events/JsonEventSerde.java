package dev.newspipe.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serdes for the event records. Kafka instantiates serdes by class name with a no-argument
 * constructor, hence one small named class per event type. Each {@code XDeserializer} has an
 * {@code XSerializer}: SmallRye derives a dead-letter producer's serializer from the consumer's
 * deserializer by that naming rule.
 */
public final class JsonEventSerde {

    /**
     * Header in which SmallRye's Kafka connector keeps the bytes of a value it could not deserialize;
     * such a record reaches the dead-letter producer with a null value.
     */
    public static final String FAILED_VALUE_HEADER = "deserialization-failure-value-data";
    private static final String FAILED_DATA_HEADER = "deserialization-failure-data";

    /**
     * Writes events as JSON. A null value that carries {@link #FAILED_VALUE_HEADER} is a poison record
     * on its way to a dead-letter topic: its original bytes become the value again, so the dead letter
     * holds exactly what the producer sent.
     */
    public static class EventSerializer<T> implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T event) {
            return event == null ? null : EventJson.toBytes(event);
        }

        @Override
        public byte[] serialize(String topic, Headers headers, T event) {
            if (event == null && headers != null) {
                Header original = headers.lastHeader(FAILED_VALUE_HEADER);
                if (original != null) {
                    // The bytes are the value now; two more copies in headers would triple the record.
                    headers.remove(FAILED_VALUE_HEADER);
                    headers.remove(FAILED_DATA_HEADER);
                    return original.value();
                }
            }
            return serialize(topic, event);
        }
    }

    public static final class ArticleSubmittedSerializer extends EventSerializer<ArticleSubmitted> {
    }

    public static final class ArticleIngestedSerializer extends EventSerializer<ArticleIngested> {
    }

    public static final class ArticleEnrichedSerializer extends EventSerializer<ArticleEnriched> {
    }

    public static class EventDeserializer<T> implements Deserializer<T> {
        private final Class<T> type;

        protected EventDeserializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            return EventJson.fromBytes(data, type);
        }
    }

    public static final class ArticleSubmittedDeserializer extends EventDeserializer<ArticleSubmitted> {
        public ArticleSubmittedDeserializer() {
            super(ArticleSubmitted.class);
        }
    }

    public static final class ArticleIngestedDeserializer extends EventDeserializer<ArticleIngested> {
        public ArticleIngestedDeserializer() {
            super(ArticleIngested.class);
        }
    }

    public static final class ArticleEnrichedDeserializer extends EventDeserializer<ArticleEnriched> {
        public ArticleEnrichedDeserializer() {
            super(ArticleEnriched.class);
        }
    }

    private JsonEventSerde() {
    }
}
