package dev.newspipe.messaging.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProgressWatchTest {

    static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    final ProgressWatch watch = new ProgressWatch(Duration.ofMinutes(3));

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aGroupWithRecordsWaitingThatDoesNotMoveIsStalledAfterTheLimit() {
        watch.observe(at(0), 100, 50);
        watch.observe(at(60), 100, 80);
        watch.observe(at(179), 100, 90);
        assertFalse(watch.stalled(at(179)));
        watch.observe(at(180), 100, 95);
        assertTrue(watch.stalled(at(180)));
        assertEquals(at(0), watch.progressSeen());
    }

    @Test
    void movingRestartsTheClock() {
        watch.observe(at(0), 100, 50);
        watch.observe(at(170), 101, 49);
        watch.observe(at(300), 101, 49);
        assertFalse(watch.stalled(at(300)));
        assertTrue(watch.stalled(at(350)));
    }

    @Test
    void aGroupWithNothingToDoIsNeverStalled() {
        watch.observe(at(0), 100, 0);
        watch.observe(at(600), 100, 0);
        assertFalse(watch.stalled(at(900)));
        // Records arrive: the clock starts from the last idle reading.
        watch.observe(at(610), 100, 5);
        assertFalse(watch.stalled(at(700)));
        assertTrue(watch.stalled(at(781)));
    }

    @Test
    void anUnreadableBrokerIsNoEvidenceOfAStall() {
        watch.observe(at(0), 100, 50);
        watch.unknown(at(170));
        watch.observe(at(200), 100, 50);
        assertFalse(watch.stalled(at(200)));
        assertTrue(watch.stalled(at(350)));
    }

    @Test
    void nothingIsStalledBeforeTheFirstReading() {
        assertFalse(watch.stalled(at(1000)));
    }
}
