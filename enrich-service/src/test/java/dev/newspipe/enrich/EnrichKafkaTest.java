package dev.newspipe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.EventType;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class EnrichKafkaTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static ArticleIngested article(String id, String body) {
        return new ArticleIngested(id, 1, "https://example.org/" + id, "Russia and Ukraine trade drone strikes", body,
                "example.org", null, null, null, null, id, "http", Instant.now(), null);
    }

    @Test
    void ingestedArticleIsEnrichedAndPublishedAsAValidEvent() {
        String id = id();
        kafka.send(Topics.INGESTED, id, EventJson.toBytes(article(id,
                "Ukrainian forces said Russian drones struck Kyiv overnight, and the military reported two attacks.")));
        var records = kafka.awaitKey(Topics.ENRICHED, id, WAIT);
        assertEquals(1, records.size());
        KafkaTestClient.assertValidEvent(records.get(0), EventType.ENRICHED);
        ArticleEnriched enriched = EventJson.fromBytes(records.get(0).value(), ArticleEnriched.class);
        assertEquals(id, enriched.id());
        assertTrue(enriched.entities().stream().anyMatch(e -> e.id().equals("Q1899")));
        assertFalse(enriched.topics().isEmpty());
    }

    @Test
    void poisonAndUnenrichableRecordsGoToTheDeadLetterTopicAndTheNextRecordStillGoesThrough() {
        String poisonKey = id();
        String unenrichableKey = id();
        String goodKey = id();
        kafka.send(Topics.INGESTED, poisonKey, new byte[] {'{', (byte) 0xC3, (byte) 0x28});
        kafka.send(Topics.INGESTED, unenrichableKey, EventJson.toBytes(article(unenrichableKey, null)));
        kafka.send(Topics.INGESTED, goodKey, EventJson.toBytes(article(goodKey, "Talks on a ceasefire resumed in Berlin on Friday.")));

        assertEquals(1, kafka.awaitKey(Topics.ENRICHED, goodKey, WAIT).size(), "the record after the bad ones is enriched");
        var poison = kafka.awaitKey(Topics.INGESTED_DLQ, poisonKey, WAIT);
        assertEquals(1, poison.size());
        assertEquals(3, poison.get(0).value().length, "original bytes kept");
        var unenrichable = kafka.awaitKey(Topics.INGESTED_DLQ, unenrichableKey, WAIT);
        assertEquals(1, unenrichable.size());
        String reason = KafkaTestClient.header(unenrichable.get(0), "dead-letter-reason");
        assertTrue(reason.contains("has no body"), reason);
        assertTrue(new String(unenrichable.get(0).value(), StandardCharsets.UTF_8).contains(unenrichableKey));
        assertTrue(kafka.awaitKey(Topics.ENRICHED, unenrichableKey, Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void theEnrichedEventContinuesTheTraceOfTheIngestedOne() {
        String id = id();
        kafka.send(Topics.INGESTED, id, EventJson.toBytes(article(id, "Drones struck Kyiv overnight, the Ukrainian military said.")),
                java.util.Map.of("traceparent", "00-" + id + "-00f067aa0ba902b7-01"));
        var records = kafka.awaitKey(Topics.ENRICHED, id, WAIT);
        assertEquals(1, records.size());
        String traceparent = KafkaTestClient.header(records.get(0), "traceparent");
        assertEquals(id, traceparent == null ? null : traceparent.split("-")[1], "the event belongs to the article's trace");
    }
}
