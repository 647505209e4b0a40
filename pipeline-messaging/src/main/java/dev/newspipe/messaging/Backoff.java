package dev.newspipe.messaging;

import java.time.Duration;

/** Waits that double after each failure, up to a cap: how a consumer holds on while a dependency is away. */
public final class Backoff {

    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.next = first;
        this.max = max;
    }

    /** The wait that {@link #pause()} will make next. */
    public Duration next() {
        return next;
    }

    /** Sleeps for the current wait and doubles the next one. */
    public void pause() throws InterruptedException {
        Thread.sleep(next.toMillis());
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
    }
}
