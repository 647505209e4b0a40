package dev.newspipe.store.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.newspipe.events.Topics;
import dev.newspipe.store.status.StatusSnapshot.KafkaStatus;
import dev.newspipe.store.status.StatusSnapshot.StageThroughput;
import dev.newspipe.store.status.StatusSnapshot.StoredArticles;
import dev.newspipe.messaging.kafka.ConsumerLag;
import dev.newspipe.messaging.kafka.KafkaReading;

class StatusAssemblerTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final List<PipelineStage> STAGES = PipelineStage.all(new StatusConfig.Groups() {
        public String ingest() {
            return "ingest-service";
        }

        public String enrich() {
            return "enrich-service";
        }

        public String store() {
            return "store-service";
        }
    });
    static final StoredArticles STORED = new StoredArticles(true, null, Rate.of(120, 60), List.of());

    /** One partition per topic; every end offset is {@code end}, and every group has committed {@code committed}. */
    static KafkaReading reading(int second, long end, long committed) {
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<TopicPartition, Long> earliest = new HashMap<>();
        List<TopicPartition> all = new ArrayList<>();
        for (Topics.TopicSpec topic : Topics.ALL) {
            TopicPartition p = new TopicPartition(topic.name(), 0);
            partitions.put(topic.name(), List.of(p));
            ends.put(p, end);
            earliest.put(p, 0L);
            all.add(p);
        }
        Map<String, Map<TopicPartition, Long>> committedByGroup = new HashMap<>();
        for (String group : List.of("ingest-service", "enrich-service", "store-service")) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            all.forEach(p -> offsets.put(p, committed));
            committedByGroup.put(group, offsets);
        }
        return new KafkaReading(T0.plusSeconds(second), partitions, List.of(), ends, earliest, committedByGroup);
    }

    @Test
    void eachStageGetsItsInputOutputAndDeadLetterRatesAndItsGroupsLagOnItsInput() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(OffsetSample.of(reading(0, 100, 90)));
        KafkaReading now = reading(10, 150, 130);
        history.add(OffsetSample.of(now));

        StatusSnapshot snapshot = StatusAssembler.assemble(now.at(), 12, STAGES, new KafkaStatus(true, null, List.of(), now.at()),
                now, history, Map.of(Topics.RAW_DLQ, List.of()), STORED);

        StageThroughput enrich = snapshot.throughput().get(1);
        assertEquals("enrich", enrich.stage());
        assertEquals(5.0, enrich.arriving().perSecond(), 1e-9);
        assertEquals(4.0, enrich.consumed().perSecond(), 1e-9);
        assertEquals(Topics.ENRICHED, enrich.output());
        assertEquals(5.0, enrich.produced().perSecond(), 1e-9);
        StageThroughput store = snapshot.throughput().get(2);
        assertNull(store.output());
        assertEquals(2.0, store.produced().perSecond(), 1e-9);   // rows from the database, not a topic
        assertEquals(new ConsumerLag("store-service", Topics.ENRICHED, 20, 0), snapshot.lag().get(2));
        assertEquals(Topics.ENRICHED_DLQ, snapshot.deadLetters().get(2).topic());
        assertEquals(150, snapshot.deadLetters().get(2).retained());
    }

    @Test
    void withoutAKafkaReadingOnlyTheDatabaseFiguresAreGiven() {
        OffsetHistory history = new OffsetHistory(Duration.ofSeconds(60));
        history.add(OffsetSample.of(reading(0, 100, 90)));
        StatusSnapshot snapshot = StatusAssembler.assemble(T0.plusSeconds(4), 3000, STAGES,
                new KafkaStatus(false, "Kafka broker unreachable", List.of(), T0), null, history, Map.of(), STORED);

        assertEquals(List.of(), snapshot.lag());
        assertEquals(List.of(), snapshot.deadLetters());
        assertNull(snapshot.throughput().get(0).arriving());
        assertNull(snapshot.throughput().get(0).produced());
        assertEquals(120, snapshot.throughput().get(2).produced().count());
    }
}
