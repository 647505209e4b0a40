package dev.newspipe.store.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetHistoryTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final TopicPartition RAW_0 = new TopicPartition("news.raw", 0);
    static final TopicPartition RAW_1 = new TopicPartition("news.raw", 1);
    static final TopicPartition INGESTED_0 = new TopicPartition("news.ingested", 0);

    static OffsetSample sample(int second, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        return sample(second, ends, Map.of(), committed);
    }

    static OffsetSample sample(int second, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> earliest,
            Map<TopicPartition, Long> committed) {
        return new OffsetSample(T0.plusSeconds(second), ends, earliest, Map.of("ingest-service", committed));
    }

    @Test
    void rateIsTheAdvanceOfEndOffsetsBetweenOldestAndNewestSampleOverTheTimeBetweenThem() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(sample(0, Map.of(RAW_0, 100L, RAW_1, 50L, INGESTED_0, 7L), Map.of()));
        history.add(sample(5, Map.of(RAW_0, 130L, RAW_1, 60L, INGESTED_0, 7L), Map.of()));
        history.add(sample(10, Map.of(RAW_0, 160L, RAW_1, 70L, INGESTED_0, 9L), Map.of()));

        Rate raw = history.appended("news.raw");
        assertEquals(80, raw.count());
        assertEquals(10.0, raw.seconds(), 1e-9);
        assertEquals(8.0, raw.perSecond(), 1e-9);
        assertEquals(2, history.appended("news.ingested").count());
        assertEquals(0, history.appended("news.enriched").count());
    }

    @Test
    void consumedCountsTheGroupsCommittedOffsetsAndAFirstCommitFromTheEarliestRetainedOffset() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(sample(0, Map.of(RAW_0, 100L, RAW_1, 500L), Map.of(RAW_0, 0L, RAW_1, 470L), Map.of(RAW_0, 90L)));
        // The group starts on partition 1 where its records begin (470) and commits at 480: 10 consumed.
        history.add(sample(4, Map.of(RAW_0, 110L, RAW_1, 500L), Map.of(RAW_0, 0L, RAW_1, 470L), Map.of(RAW_0, 110L, RAW_1, 480L)));

        Rate consumed = history.consumed("ingest-service", "news.raw");
        assertEquals(30, consumed.count());
        assertEquals(7.5, consumed.perSecond(), 1e-9);
        assertEquals(0, history.consumed("enrich-service", "news.raw").count());
    }

    @Test
    void aPartitionAddedWithinTheWindowIsNotABurst() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(sample(0, Map.of(RAW_0, 100L), Map.of(RAW_0, 0L), Map.of(RAW_0, 100L)));
        history.add(sample(2, Map.of(RAW_0, 104L, RAW_1, 900L), Map.of(RAW_0, 0L, RAW_1, 0L), Map.of(RAW_0, 104L, RAW_1, 900L)));

        assertEquals(4, history.appended("news.raw").count());
        assertEquals(4, history.consumed("ingest-service", "news.raw").count());
    }

    @Test
    void samplesOlderThanTheWindowAreForgottenSoARateSpansAtMostTheWindow() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(sample(0, Map.of(RAW_0, 0L), Map.of()));
        history.add(sample(30, Map.of(RAW_0, 1000L), Map.of()));
        history.add(sample(70, Map.of(RAW_0, 1040L), Map.of()));   // the sample at 0 is now 70 s old
        history.add(sample(90, Map.of(RAW_0, 1100L), Map.of()));

        assertEquals(3, history.size());
        Rate raw = history.appended("news.raw");
        assertEquals(100, raw.count());
        assertEquals(60.0, raw.seconds(), 1e-9);
    }

    @Test
    void anOffsetThatWentBackwardsCountsAsNoProgress() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(sample(0, Map.of(RAW_0, 500L, RAW_1, 10L), Map.of()));
        history.add(sample(2, Map.of(RAW_0, 3L, RAW_1, 14L), Map.of()));   // partition 0 recreated

        assertEquals(4, history.appended("news.raw").count());
    }

    @Test
    void oneSampleGivesNoRate() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        assertEquals(Rate.of(0, 0), history.appended("news.raw"));
        history.add(sample(0, new HashMap<>(Map.of(RAW_0, 5L)), Map.of()));
        Rate rate = history.appended("news.raw");
        assertEquals(0, rate.count());
        assertEquals(0.0, rate.perSecond());
    }
}
