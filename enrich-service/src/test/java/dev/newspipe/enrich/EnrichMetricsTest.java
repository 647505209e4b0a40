package dev.newspipe.enrich;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Enrich's /q/metrics and liveness after real records: one enriched, one that enrichment cannot take. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class EnrichMetricsTest {

    static final Map<String, String> ENRICH = Map.of("stage", "enrich");
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static MetricsScrape scrape() {
        return new MetricsScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }


    @Test
    void enrichedAndFailedArticlesAreCounted() {
        MetricsScrape before = scrape();
        String good = EnrichKafkaTest.id();
        String unenrichable = EnrichKafkaTest.id();
        kafka.send(Topics.INGESTED, unenrichable, EventJson.toBytes(EnrichKafkaTest.article(unenrichable, null)));
        kafka.send(Topics.INGESTED, good, EventJson.toBytes(EnrichKafkaTest.article(good, "Talks resumed in Vienna on Monday.")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape now = scrape();
            assertEquals(1, now.since(before, "news_stage_emitted_total", ENRICH));
            assertEquals(1, now.since(before, "news_stage_dead_lettered_total", ENRICH));
        });
        MetricsScrape after = scrape();
        assertEquals(2, after.since(before, "news_stage_received_total", ENRICH));
        assertEquals(1, after.since(before, "news_stage_failed_total", ENRICH));
        assertEquals(1, after.since(before, "news_stage_processing_seconds_count", ENRICH), "only the enriched article was timed");
        assertTrue(after.has("news_consumer_lag_records", Map.of("stage", "enrich", "topic", Topics.INGESTED)));
        assertTrue(after.has("jvm_memory_used_bytes", Map.of()));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'consumer progress' }.status", equalTo("UP"));
    }
}
