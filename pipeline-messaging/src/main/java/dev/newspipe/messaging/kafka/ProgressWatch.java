package dev.newspipe.messaging.kafka;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides from successive readings whether a consumer group is stuck: records wait for it (lag above
 * zero) and its position has not moved for {@code stallAfter}. A group without lag is never stuck, and
 * a reading that could not be taken (broker away) is no evidence either way, so it restarts the clock:
 * a stage waiting for Kafka is not reported stuck the moment Kafka returns. One thread takes the readings;
 * health checks and metric scrapes ask from others, hence the synchronisation.
 */
public final class ProgressWatch {

    private final Duration stallAfter;
    private Instant progressSeen;
    private long position = Long.MIN_VALUE;
    private long lag;

    public ProgressWatch(Duration stallAfter) {
        this.stallAfter = stallAfter;
    }

    /**
     * @param position the group's position on the topic (committed offsets summed over partitions)
     * @param lag records between that position and the end of the topic
     */
    public synchronized void observe(Instant at, long position, long lag) {
        if (progressSeen == null || lag == 0 || position != this.position) {
            progressSeen = at;
        }
        this.position = position;
        this.lag = lag;
    }

    /** No reading could be taken at {@code at}. */
    public synchronized void unknown(Instant at) {
        progressSeen = at;
    }

    /** When the group last moved (or had nothing to do); null before the first reading. */
    public synchronized Instant progressSeen() {
        return progressSeen;
    }

    public synchronized boolean stalled(Instant now) {
        return progressSeen != null && lag > 0 && !Duration.between(progressSeen, now).minus(stallAfter).isNegative();
    }
}
