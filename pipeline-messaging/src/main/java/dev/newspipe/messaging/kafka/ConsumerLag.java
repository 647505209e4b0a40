package dev.newspipe.messaging.kafka;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag on one topic: the records between its committed offsets and the end of each
 * partition, summed. A partition without a committed offset counts from its earliest retained record,
 * which is where the pipeline's consumers start ({@code auto.offset.reset=earliest}).
 *
 * @param uncommittedPartitions partitions the group has never committed on (0 for a group at work)
 */
public record ConsumerLag(String group, String topic, long lag, int uncommittedPartitions) {

    /**
     * @param partitions the topic's partitions
     * @param endOffsets end offsets of (at least) those partitions
     * @param earliestOffsets earliest retained offsets of (at least) those partitions
     * @param committed the group's committed offsets (any topics)
     */
    public static ConsumerLag of(String group, String topic, Collection<TopicPartition> partitions,
            Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> earliestOffsets, Map<TopicPartition, Long> committed) {
        long lag = 0;
        int uncommitted = 0;
        for (TopicPartition partition : partitions) {
            Long end = endOffsets.get(partition);
            if (end == null) {
                continue;
            }
            Long position = committed.get(partition);
            if (position == null) {
                uncommitted++;
                position = earliestOffsets.getOrDefault(partition, 0L);
            }
            // A committed offset below the earliest retained one (records deleted by retention) cannot be
            // consumed any more; beyond the end would be a reset topic. Neither is lag.
            position = Math.max(position, earliestOffsets.getOrDefault(partition, 0L));
            lag += Math.max(0, end - position);
        }
        return new ConsumerLag(group, topic, lag, uncommitted);
    }
}
