package dev.newspipe.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.messaging.StageMetrics;

/**
 * The store stage's meters: the {@link StageMetrics} every stage has, and
 * {@code news_end_to_end_latency_seconds}, from an article's {@code ingestedAt} to its row being committed.
 */
@ApplicationScoped
public class StoreMetrics {

    static final String STAGE = "store";
    static final String END_TO_END_LATENCY = "news.end.to.end.latency";

    /** Sub-second for a flowing pipeline, minutes for a backlog after an outage. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1) };

    @Inject
    MeterRegistry registry;

    private StageMetrics stage;
    private Timer endToEndLatency;

    @PostConstruct
    void register() {
        stage = new StageMetrics(registry, STAGE);
        endToEndLatency = Timer.builder(END_TO_END_LATENCY)
                .description("From an article's ingestedAt to its row being committed in PostgreSQL")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    /** A batch arrived. (A method, not the field: callers hold a client proxy, whose fields are its own.) */
    void received(int records) {
        stage.received(records);
    }

    /** One batch done: {@code stored} are committed, {@code deadLetters} went to the dead-letter topic. */
    void stored(List<ArticleEnriched> stored, int deadLetters, long nanos) {
        Instant now = Instant.now();
        for (ArticleEnriched article : stored) {
            Instant ingestedAt = article.article().ingestedAt();
            if (ingestedAt != null) {
                // Clocks of different hosts can disagree by a little: never a negative latency.
                endToEndLatency.record(Duration.between(ingestedAt, now).isNegative() ? Duration.ZERO
                        : Duration.between(ingestedAt, now));
            }
        }
        stage.emitted(stored.size());
        stage.failed(deadLetters, deadLetters);
        stage.processed(nanos);
    }
}
