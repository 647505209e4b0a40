package dev.newspipe.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the suite sent and what the pipeline acknowledged: a 202 (or 200 for a duplicate) from ingest, or
 * the broker's ack of a write to {@code news.raw}. Times are milliseconds since the stream started.
 */
final class Ledger {

    /** Good articles by URL: when each was first sent. */
    final Map<String, Long> firstSent = new ConcurrentHashMap<>();
    /** Good articles by URL: when each was first acknowledged. */
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    /** Poison records by key: when each was sent, and which kind. */
    final Map<String, Long> poisonSent = new ConcurrentHashMap<>();
    final Map<String, Long> poisonWritten = new ConcurrentHashMap<>();

    final AtomicLong httpRequests = new AtomicLong();
    final AtomicLong httpRetries = new AtomicLong();
    final AtomicLong rawResends = new AtomicLong();
    final AtomicLong duplicatesSent = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void sent(String url) {
        firstSent.putIfAbsent(url, now());
    }

    void acknowledged(String url) {
        acknowledged.putIfAbsent(url, now());
    }

    void poisonSent(String key) {
        poisonSent.putIfAbsent(key, now());
    }

    void poisonWritten(String key) {
        poisonWritten.putIfAbsent(key, now());
    }

    synchronized void error(String message) {
        if (errors.size() < 50) {
            errors.add(message);
        }
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
