package dev.newspipe.ingest;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the request bytes being decoded and ingested at once. Parsing and normalizing a request takes
 * several times its size in heap, so without a bound a few large batches at the same moment would exhaust
 * a small heap; beyond the budget a request is refused with 503 and Retry-After, and nothing of it is kept.
 */
@ApplicationScoped
public class RequestMemoryBudget {

    private final Semaphore bytes;
    private final int budget;

    @Inject
    public RequestMemoryBudget(IngestConfig config) {
        this.budget = (int) Math.min(Integer.MAX_VALUE, config.maxInflightRequestBytes());
        this.bytes = new Semaphore(budget);
    }

    /** Reserves room for a request of {@code size} bytes, or returns false at once when there is none. */
    public boolean tryReserve(int size) {
        return bytes.tryAcquire(permits(size));
    }

    public void release(int size) {
        bytes.release(permits(size));
    }

    /** A request larger than the whole budget (allowed by a higher request limit) takes all of it. */
    private int permits(int size) {
        return Math.max(1, Math.min(size, budget));
    }
}
