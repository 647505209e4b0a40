package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.MetricsScrape;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The store's /q/metrics after real records went through it: the stage counters, the end-to-end
 * latency histogram, the consumer lag gauge and the connection pool.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StoreMetricsTest {

    static final Map<String, String> STORE = Map.of("stage", "store");
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static MetricsScrape scrape() {
        return new MetricsScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void storedDeadLetteredAndLatencyAreCounted() {
        MetricsScrape before = scrape();
        String first = SampleEvents.newId();
        String second = SampleEvents.newId();
        String poison = SampleEvents.newId();
        kafka.send(Topics.ENRICHED, first, EventJson.toBytes(SampleEvents.enriched(
                SampleEvents.ingested(first, 1, "Ferry timetable changes", "The ferry to Porto leaves earlier from Monday."), "1.0.0")));
        kafka.send(Topics.ENRICHED, poison, "not an event");
        kafka.send(Topics.ENRICHED, second, EventJson.toBytes(SampleEvents.enriched(
                SampleEvents.ingested(second, 1, "Library reopens", "The city library in Lisbon reopened on Tuesday."), "1.0.0")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/articles/" + first).then().statusCode(200);
            given().get("/articles/" + second).then().statusCode(200);
            assertTrue(scrape().sum("news_stage_dead_lettered_total", STORE) > before.sum("news_stage_dead_lettered_total", STORE));
        });

        MetricsScrape after = scrape();
        assertEquals(3, after.since(before, "news_stage_received_total", STORE));
        assertEquals(2, after.since(before, "news_stage_emitted_total", STORE));
        assertEquals(1, after.since(before, "news_stage_failed_total", STORE));
        assertEquals(1, after.since(before, "news_stage_dead_lettered_total", STORE));
        assertTrue(after.since(before, "news_stage_processing_seconds_count", STORE) >= 1);
        assertEquals(2, after.sum("news_end_to_end_latency_seconds_count") - before.sum("news_end_to_end_latency_seconds_count"));
        // The sample articles were ingested a moment ago: well inside the 10 s bucket.
        assertEquals(after.sum("news_end_to_end_latency_seconds_count"),
                after.sum("news_end_to_end_latency_seconds_bucket", Map.of("le", "+Inf")));
        assertTrue(after.sum("news_end_to_end_latency_seconds_bucket", Map.of("le", "10.0"))
                - before.sum("news_end_to_end_latency_seconds_bucket", Map.of("le", "10.0")) >= 2, "both within 10 s");
        assertTrue(after.has("agroal_active_count", Map.of()), "connection pool metrics");
        assertTrue(after.has("jvm_memory_used_bytes", Map.of()), "JVM metrics");
    }

    @Test
    void theConsumerLagIsExportedAndTheGroupIsLive() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(
                scrape().has("news_consumer_lag_records", Map.of("stage", "store", "topic", Topics.ENRICHED))
                        && !Double.isNaN(scrape().sum("news_consumer_lag_records", Map.of("stage", "store")))));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'consumer progress' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'consumer progress' }.data.group", org.hamcrest.Matchers.equalTo("store-service"));
    }

}
