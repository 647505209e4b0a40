package dev.newspipe.messaging.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    static final TopicPartition P0 = new TopicPartition("news.ingested", 0);
    static final TopicPartition P1 = new TopicPartition("news.ingested", 1);
    static final TopicPartition P2 = new TopicPartition("news.ingested", 2);
    static final TopicPartition OTHER = new TopicPartition("news.raw", 0);

    @Test
    void lagIsTheSumOverPartitionsOfEndMinusCommitted() {
        ConsumerLag lag = ConsumerLag.of("enrich-service", "news.ingested", List.of(P0, P1),
                Map.of(P0, 100L, P1, 40L, OTHER, 999L), Map.of(P0, 0L, P1, 0L), Map.of(P0, 97L, P1, 30L, OTHER, 0L));
        assertEquals(new ConsumerLag("enrich-service", "news.ingested", 13, 0), lag);
    }

    @Test
    void aPartitionNeverCommittedOnLagsFromItsEarliestRetainedRecord() {
        ConsumerLag lag = ConsumerLag.of("enrich-service", "news.ingested", List.of(P0, P1, P2),
                Map.of(P0, 100L, P1, 40L, P2, 0L), Map.of(P0, 0L, P1, 25L, P2, 0L), Map.of(P0, 100L));
        assertEquals(15, lag.lag());
        assertEquals(2, lag.uncommittedPartitions());
    }

    @Test
    void recordsDeletedByRetentionAndCommitsBeyondTheEndAreNotLag() {
        ConsumerLag lag = ConsumerLag.of("g", "news.ingested", List.of(P0, P1),
                Map.of(P0, 100L, P1, 10L), Map.of(P0, 80L, P1, 0L), Map.of(P0, 50L, P1, 12L));
        assertEquals(20, lag.lag());
    }
}
