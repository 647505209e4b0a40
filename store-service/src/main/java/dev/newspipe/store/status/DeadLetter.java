package dev.newspipe.store.status;

import java.time.Instant;

/**
 * A record of a dead-letter topic as the status page shows it: where it sits, when it was written, and
 * the headers that say why ({@code dead-letter-reason}, {@code dead-letter-cause}) and where it came from
 * ({@code dead-letter-topic}, {@code -partition}, {@code -offset}). The value, the failed bytes, is not kept.
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, String reason,
        String cause, String sourceTopic, String sourcePartition, String sourceOffset) {

    /** Newer is later in time; ties (same millisecond) by partition and offset, so the order is total. */
    public static final java.util.Comparator<DeadLetter> OLDEST_FIRST = java.util.Comparator
            .comparing(DeadLetter::timestamp)
            .thenComparingInt(DeadLetter::partition)
            .thenComparingLong(DeadLetter::offset);
}
