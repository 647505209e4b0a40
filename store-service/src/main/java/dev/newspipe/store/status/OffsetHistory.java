package dev.newspipe.store.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import dev.newspipe.messaging.kafka.ConsumerLag;

/**
 * The offset samples of the last window, and the rates they imply. A rate is the advance of offsets
 * between the oldest and the newest sample in the window, divided by the time between them. Offsets
 * count records, and in this pipeline one record is one article.
 * <p>
 * Only partitions present in both samples count, so a partition added within the window does not show as
 * a burst. A partition a group first committed on within the window counts from its earliest retained
 * offset, where the group started reading it, as {@link ConsumerLag} does. An offset that went backwards
 * (topic recreated, group offsets reset) counts as no progress rather than a negative rate. Not
 * thread-safe: the sampler owns it.
 */
public final class OffsetHistory {

    private final Duration window;
    private final Deque<OffsetSample> samples = new ArrayDeque<>();

    public OffsetHistory(Duration window) {
        this.window = window;
    }

    /** Adds a sample and forgets those that no longer fall in the window before it. */
    public void add(OffsetSample sample) {
        samples.addLast(sample);
        Instant oldestKept = sample.at().minus(window);
        // After a broker outage the samples before it fall out too: a rate never spans more than the window.
        while (samples.size() > 1 && samples.getFirst().at().isBefore(oldestKept)) {
            samples.removeFirst();
        }
    }

    public int size() {
        return samples.size();
    }

    /** Records appended to {@code topic} across the window (end offsets' advance). */
    public Rate appended(String topic) {
        if (samples.size() < 2) {
            return Rate.of(0, 0);
        }
        return Rate.of(advance(samples.getFirst().endOffsets(), samples.getLast().endOffsets(), topic), seconds());
    }

    /** Records of {@code topic} that {@code group} committed as processed across the window. */
    public Rate consumed(String group, String topic) {
        if (samples.size() < 2) {
            return Rate.of(0, 0);
        }
        OffsetSample first = samples.getFirst();
        Map<TopicPartition, Long> before = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : first.earliestOffsets().entrySet()) {
            if (e.getKey().topic().equals(topic)) {
                before.put(e.getKey(), e.getValue());
            }
        }
        before.putAll(first.committedByGroup().getOrDefault(group, Map.of()));
        Map<TopicPartition, Long> last = samples.getLast().committedByGroup().getOrDefault(group, Map.of());
        return Rate.of(advance(before, last, topic), seconds());
    }

    private double seconds() {
        return Duration.between(samples.getFirst().at(), samples.getLast().at()).toMillis() / 1000.0;
    }

    private static long advance(Map<TopicPartition, Long> first, Map<TopicPartition, Long> last, String topic) {
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> e : last.entrySet()) {
            Long before = first.get(e.getKey());
            if (e.getKey().topic().equals(topic) && before != null) {
                sum += Math.max(0, e.getValue() - before);
            }
        }
        return sum;
    }
}
