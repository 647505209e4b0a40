package dev.newspipe.messaging.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * What one sample read from Kafka: the partitions of the topics asked for (a topic that does not exist is
 * listed in {@code missingTopics}), their end and earliest offsets, and each group's committed offsets.
 */
public record KafkaReading(Instant at, Map<String, List<TopicPartition>> partitionsByTopic, List<String> missingTopics,
        Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> earliestOffsets,
        Map<String, Map<TopicPartition, Long>> committedByGroup) {

    public List<TopicPartition> partitions(String topic) {
        return partitionsByTopic.getOrDefault(topic, List.of());
    }

    /** Sum over the topic's partitions of end minus earliest offset: the records it still holds. */
    public long retained(String topic) {
        long sum = 0;
        for (TopicPartition p : partitions(topic)) {
            sum += Math.max(0, endOffsets.getOrDefault(p, 0L) - earliestOffsets.getOrDefault(p, 0L));
        }
        return sum;
    }

    /** Sum of the topic's end offsets: every record ever written to it, retained or not. */
    public long written(String topic) {
        long sum = 0;
        for (TopicPartition p : partitions(topic)) {
            sum += endOffsets.getOrDefault(p, 0L);
        }
        return sum;
    }

    /** The group's lag on the topic (see {@link ConsumerLag#of}). */
    public ConsumerLag lag(String group, String topic) {
        return ConsumerLag.of(group, topic, partitions(topic), endOffsets, earliestOffsets,
                committedByGroup.getOrDefault(group, Map.of()));
    }
}
