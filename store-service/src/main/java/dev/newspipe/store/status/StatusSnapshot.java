package dev.newspipe.store.status;

import java.time.Instant;
import java.util.List;
import dev.newspipe.messaging.kafka.ConsumerLag;

/**
 * What the status page shows, as of one background sample. Immutable; the sampler replaces it whole.
 *
 * @param sampledAt when the sample started; null before the first sample finished
 * @param sampleMillis how long the sample took
 */
public record StatusSnapshot(Instant sampledAt, long sampleMillis, KafkaStatus kafka, List<StageThroughput> throughput,
        List<ConsumerLag> lag, List<DeadLetterTopic> deadLetters, StoredArticles stored) {

    /** Before the first sample. */
    public static StatusSnapshot none() {
        return new StatusSnapshot(null, 0, new KafkaStatus(false, "not sampled yet", List.of(), null), List.of(), List.of(),
                List.of(), new StoredArticles(false, "not sampled yet", null, List.of()));
    }

    /**
     * @param reachable whether this sample got its answers from the broker
     * @param error why not, in one line
     * @param lastReachableAt the last sample that reached the broker (null if none did)
     */
    public record KafkaStatus(boolean reachable, String error, List<String> missingTopics, Instant lastReachableAt) {
    }

    /**
     * Throughput of one stage over the rate window, from offsets sampled over time. A rate is null while the
     * broker is unreachable.
     *
     * @param arriving records appended to the stage's input topic (the work offered to it)
     * @param consumed input records the stage's group committed as done (the work it finished)
     * @param produced records it appended to its output topic; for store, rows inserted or replaced in
     *        PostgreSQL (by {@code stored_at}), null while the database is unavailable
     * @param deadLettered records it appended to its dead-letter topic
     */
    public record StageThroughput(String stage, String group, String input, Rate arriving, Rate consumed, String output,
            Rate produced, String deadLetterTopic, Rate deadLettered) {
    }

    /**
     * @param written every dead letter ever written (the sum of end offsets)
     * @param retained those the topic still holds
     * @param latest the newest records, newest first, with their reasons
     */
    public record DeadLetterTopic(String topic, long written, long retained, List<DeadLetter> latest) {
    }

    /**
     * @param stored rows inserted or replaced within the rate window
     * @param latest the last stored articles, newest first
     */
    public record StoredArticles(boolean available, String error, Rate stored, List<StoredArticle> latest) {
    }

    public record StoredArticle(String id, String title, String language, Instant storedAt) {
    }
}
