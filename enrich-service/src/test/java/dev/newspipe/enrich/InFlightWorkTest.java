package dev.newspipe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import dev.newspipe.messaging.InFlightWork;

import org.junit.jupiter.api.Test;

class InFlightWorkTest {

    @Test
    void waitsUntilTheLastArticleIsAcknowledged() throws Exception {
        InFlightWork inFlight = new InFlightWork();
        inFlight.started();
        inFlight.started();
        Thread acknowledger = new Thread(() -> {
            try {
                Thread.sleep(100);
                inFlight.finished();
                Thread.sleep(100);
                inFlight.finished();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        acknowledger.start();
        assertEquals(0, inFlight.awaitNone(Duration.ofSeconds(30)));
        acknowledger.join();
    }

    @Test
    void saysHowManyAreLeftWhenTheLimitRunsOut() throws Exception {
        InFlightWork inFlight = new InFlightWork();
        inFlight.started();
        inFlight.started();
        inFlight.finished();
        assertEquals(1, inFlight.awaitNone(Duration.ofMillis(50)));
    }
}
