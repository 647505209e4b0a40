package dev.newspipe.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newspipe.events.CloudEventHeaders;
import dev.newspipe.events.EventSchemas;
import dev.newspipe.events.EventType;
import dev.newspipe.localkafka.LocalKafkaBroker;

/** Plain Kafka clients for tests: write records as an external producer would, read what a stage wrote. */
public final class KafkaTestClient {

    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void send(String topic, String key, byte[] value) {
        send(topic, key, value, Map.of());
    }

    /** Sends one record with the given headers (e.g. a W3C {@code traceparent}). */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LocalKafkaBroker.MAX_MESSAGE_BYTES), new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        }
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records match, or the timeout passes;
     * returns the matching records (possibly fewer than expected: the caller asserts).
     */
    public List<ConsumerRecord<String, byte[]>> await(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            int expected, Duration timeout) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matched.size() < expected && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matched.add(record);
                    }
                }
            }
            return matched;
        }
    }

    /** Records with this key, waiting for at least one. */
    public List<ConsumerRecord<String, byte[]>> awaitKey(String topic, String key, Duration timeout) {
        return await(topic, r -> key.equals(r.key()), 1, timeout);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Asserts the CloudEvents binary-mode headers and the payload schema of a pipeline record. */
    public static void assertValidEvent(ConsumerRecord<String, byte[]> record, EventType type) {
        for (String name : CloudEventHeaders.REQUIRED) {
            assertNotNull(header(record, name), "header " + name + " on " + record.topic());
        }
        assertEquals(type.ceType(), header(record, CloudEventHeaders.TYPE));
        assertEquals(CloudEventHeaders.SPEC_VERSION_VALUE, header(record, CloudEventHeaders.SPEC_VERSION));
        OffsetDateTime.parse(header(record, CloudEventHeaders.TIME));
        assertEquals(List.of(), EventSchemas.violations(type, record.value()), "schema violations of " + type);
    }
}
