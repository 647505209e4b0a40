package dev.newspipe.store.status;

/** How many things happened over how many seconds, and so how many per second (zero before any time passed). */
public record Rate(long count, double seconds, double perSecond) {

    public static Rate of(long count, double seconds) {
        return new Rate(count, seconds, seconds <= 0 ? 0 : count / seconds);
    }
}
