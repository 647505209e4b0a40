package dev.newspipe.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@code news_stage_*} meters of one stage, tagged {@code stage}: the same names in every service,
 * so that one dashboard query covers the pipeline.
 * <ul>
 * <li>{@code news_stage_received_total}: records (and HTTP-submitted articles) the stage took in; at ingest and store
 * unreadable records too, while at enrich the connector dead-letters those before the stage sees them;</li>
 * <li>{@code news_stage_emitted_total}: what it passed on: events written to its output topic, or, for the store, articles written to PostgreSQL;</li>
 * <li>{@code news_stage_failed_total}: records it could not process for reasons of their own (unreadable, invalid, refused), so never will;</li>
 * <li>{@code news_stage_dead_lettered_total}: those of the failed records it wrote to its dead-letter topic;</li>
 * <li>{@code news_stage_processing_seconds}: time to process one unit of work: a poll's batch at ingest and store, an article at enrich.</li>
 * </ul>
 * Waiting for a dependency that is down is not a failure: the work is retried and shows in the lag.
 */
public final class StageMetrics {

    public static final String RECEIVED = "news.stage.received";
    public static final String EMITTED = "news.stage.emitted";
    public static final String FAILED = "news.stage.failed";
    public static final String DEAD_LETTERED = "news.stage.dead.lettered";
    public static final String PROCESSING = "news.stage.processing";

    /** Bucket bounds of the processing histogram: from a fast article to a slow batch write. */
    private static final Duration[] PROCESSING_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30) };

    private final Counter received;
    private final Counter emitted;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer processing;

    public StageMetrics(MeterRegistry registry, String stage) {
        received = Counter.builder(RECEIVED).tag("stage", stage).description("Records the stage took in").register(registry);
        emitted = Counter.builder(EMITTED).tag("stage", stage).description("Events or rows the stage passed on").register(registry);
        failed = Counter.builder(FAILED).tag("stage", stage)
                .description("Records the stage could not process because of their content").register(registry);
        deadLettered = Counter.builder(DEAD_LETTERED).tag("stage", stage)
                .description("Records the stage wrote to its dead-letter topic").register(registry);
        processing = Timer.builder(PROCESSING).tag("stage", stage)
                .description("Time to process one unit of work (a batch at ingest and store, an article at enrich)")
                .serviceLevelObjectives(PROCESSING_BUCKETS).register(registry);
    }

    public void received(int records) {
        received.increment(records);
    }

    public void emitted(int records) {
        emitted.increment(records);
    }

    /** Records that failed for good; {@code deadLettered} of them went to the dead-letter topic. */
    public void failed(int records, int deadLettered) {
        failed.increment(records);
        this.deadLettered.increment(deadLettered);
    }

    public void processed(long nanos) {
        processing.record(Duration.ofNanos(nanos));
    }
}
