package dev.newspipe.store.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the newest records of dead-letter partitions: assigns them (no consumer group, nothing committed),
 * seeks to {@code kept} records before each end and reads up to the end or a deadline. Values are never
 * decoded or kept, only the headers that say why; fetches are capped, so memory stays at about one fetch
 * plus {@code kept} small records. Used by one thread at a time.
 */
final class DeadLetterReader implements AutoCloseable {

    /** Reasons can carry a whole exception message; the page needs its start. */
    static final int MAX_TEXT = 1000;
    private static final int FETCH_BYTES = 1 << 20;

    private final KafkaConsumer<String, Void> consumer;

    DeadLetterReader(Map<String, Object> connection, Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "store-status-dead-letters");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // The broker returns at least one record batch even if it is larger, so progress is never blocked.
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        Deserializer<Void> ignoreValue = (topic, data) -> null;
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), ignoreValue);
    }

    /**
     * The newest {@code kept} records of the partitions, newest first, per topic. Returns null if the deadline
     * passed before every partition was read to its end (the caller keeps what it had).
     *
     * @param endOffsets end offsets of the partitions to read
     * @param earliestOffsets their earliest retained offsets
     */
    Map<String, List<DeadLetter>> read(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> earliestOffsets, int kept,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, NewestRecords<DeadLetter>> newest = new HashMap<>();
        Map<TopicPartition, Long> unread = new HashMap<>();
        endOffsets.forEach((partition, end) -> {
            newest.computeIfAbsent(partition.topic(), t -> new NewestRecords<>(kept, DeadLetter.OLDEST_FIRST));
            long from = Math.max(earliestOffsets.getOrDefault(partition, 0L), end - kept);
            if (from < end) {
                unread.put(partition, from);
            }
        });
        consumer.assign(unread.keySet());
        unread.forEach(consumer::seek);
        while (!unread.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                consumer.assign(List.of());
                return null;
            }
            for (ConsumerRecord<String, Void> record : consumer.poll(Duration.ofNanos(Math.min(left, 200_000_000L)))) {
                newest.get(record.topic()).offer(deadLetter(record));
            }
            // Offsets may have gaps (transaction markers), so "done" is the position reaching the end, not a count.
            unread.keySet().removeIf(p -> consumer.position(p, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                    >= endOffsets.get(p));
        }
        consumer.assign(List.of());
        Map<String, List<DeadLetter>> tails = new HashMap<>();
        newest.forEach((topic, records) -> tails.put(topic, records.newestFirst()));
        return tails;
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, Void> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                shorten(record.key()), header(record, "dead-letter-reason"), header(record, "dead-letter-cause"),
                header(record, "dead-letter-topic"), header(record, "dead-letter-partition"), header(record, "dead-letter-offset"));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : shorten(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
