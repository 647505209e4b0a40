package dev.newspipe.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.MetricsScrape;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ingest's /q/metrics after articles came in over HTTP and news.raw, some good, some not. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class IngestMetricsTest {

    static final Map<String, String> INGEST = Map.of("stage", "ingest");
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static MetricsScrape scrape() {
        return new MetricsScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }


    @Test
    void bothIntakePathsAreCountedAsOneStage() {
        MetricsScrape before = scrape();
        String marker = UUID.randomUUID().toString();
        given().contentType("text/plain")
                .body("Council approves the harbour budget " + marker + "\nThe council approved next year's harbour budget on Thursday evening.\n")
                .post("/articles").then().statusCode(202);
        kafka.send(Topics.RAW, "poison-" + marker, ("{\"headline\": \"cut off " + marker).getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.RAW, "invalid-" + marker, "{\"headline\":\"No body " + marker + "\"}");
        kafka.send(Topics.RAW, "good-" + marker, "{\"url\":\"https://example.org/metrics/" + marker
                + "\",\"headline\":\"Museum extends its hours " + marker
                + "\",\"body\":\"The maritime museum stays open until nine on Fridays from next month.\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals(2, scrape().since(before, "news_stage_dead_lettered_total", INGEST)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals(2, scrape().since(before, "news_stage_emitted_total", INGEST)));
        MetricsScrape after = scrape();
        assertEquals(4, after.since(before, "news_stage_received_total", INGEST), "one over HTTP, three records");
        assertEquals(2, after.since(before, "news_stage_failed_total", INGEST), "the unreadable and the invalid record");
        assertTrue(after.since(before, "news_stage_processing_seconds_count", INGEST) >= 2, "one HTTP request, at least one poll");
        assertEquals(1, after.sum("news_ingest_articles_total", Map.of("outcome", "accepted", "intake", "http"))
                - before.sum("news_ingest_articles_total", Map.of("outcome", "accepted", "intake", "http")));
        assertEquals(1, after.sum("news_ingest_articles_total", Map.of("outcome", "rejected", "intake", "kafka"))
                - before.sum("news_ingest_articles_total", Map.of("outcome", "rejected", "intake", "kafka")));
        assertTrue(after.has("news_consumer_lag_records", Map.of("stage", "ingest", "topic", Topics.RAW)));
        assertTrue(after.has("agroal_active_count", Map.of()), "connection pool metrics");
    }
}
