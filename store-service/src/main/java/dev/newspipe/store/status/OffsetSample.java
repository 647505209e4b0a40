package dev.newspipe.store.status;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import dev.newspipe.messaging.kafka.KafkaReading;

/**
 * Offsets read from Kafka at one moment: the end and earliest offset of every partition of the pipeline
 * topics, and each consumer group's committed offsets.
 */
public record OffsetSample(Instant at, Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> earliestOffsets,
        Map<String, Map<TopicPartition, Long>> committedByGroup) {

    public OffsetSample {
        endOffsets = Map.copyOf(endOffsets);
        earliestOffsets = Map.copyOf(earliestOffsets);
        committedByGroup = Map.copyOf(committedByGroup);
    }

    public static OffsetSample of(KafkaReading reading) {
        return new OffsetSample(reading.at(), reading.endOffsets(), reading.earliestOffsets(), reading.committedByGroup());
    }
}
