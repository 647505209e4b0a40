package dev.newspipe.messaging;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Records (or batches) a stage took from its input channel and has not yet acknowledged or nacked, and
 * the clean stop built on it: pause the channel, wait until none is in flight, so that the Kafka
 * connector, closing after, commits them all; records fetched but not started are handed back
 * uncommitted. SmallRye's own graceful wait is off on such channels ({@code graceful-shutdown=false}):
 * it counts a record as done only at its periodic flush, so it reported finished work as
 * "unprocessed" (SRMSG18245, seen in the chaos suite).
 */
public final class InFlightWork {

    /** Well inside the 30 s a SIGTERM'd pod gets. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(InFlightWork.class);

    private int count;

    public synchronized void started() {
        count++;
    }

    public synchronized void finished() {
        count--;
        if (count <= 0) {
            notifyAll();
        }
    }

    /** Waits until none is in flight; returns how many still are when {@code limit} ran out (0 when none). */
    public synchronized int awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return count;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return 0;
    }

    /** Pauses {@code channel} (configured {@code pausable=true}) and waits for the work in flight to finish. */
    public void pauseAndDrain(ChannelRegistry channels, String channel) throws InterruptedException {
        PausableChannel pausable = channels.getPausable(channel);
        if (pausable != null) {
            pausable.pause();
        }
        int left = awaitNone(DRAIN_LIMIT);
        if (left > 0) {
            LOG.warnf("stopping with %d units of work from %s still in flight after %s: handed back uncommitted",
                    left, channel, DRAIN_LIMIT);
        } else {
            LOG.infof("stopping: everything taken from %s was finished and acknowledged", channel);
        }
    }
}
