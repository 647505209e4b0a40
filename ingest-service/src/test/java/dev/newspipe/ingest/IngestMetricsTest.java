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

    /** Growth of news_ingest_articles_total for an outcome, on one intake path or (null) all of them. */
    static double articles(MetricsScrape before, MetricsScrape after, String outcome, String intake) {
        Map<String, String> labels = intake == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "intake", intake);
        return after.since(before, "news_ingest_articles_total", labels);
    }

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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape now = scrape();
            assertEquals(2, now.since(before, "news_stage_dead_lettered_total", INGEST), "the unreadable and the invalid record");
            assertEquals(1, articles(before, now, "accepted", "http"));
            assertEquals(1, articles(before, now, "accepted", "kafka"));
        });
        MetricsScrape after = scrape();
        assertEquals(1, articles(before, after, "received", "http"));
        assertEquals(2, articles(before, after, "received", "kafka"), "the invalid and the good record; the unreadable one is no article");
        assertEquals(1, articles(before, after, "rejected", "kafka"));
        // The stage counters cover every intake path (feeds too, which other tests may have left polling):
        // they must agree with the per-intake counts, plus the unreadable record.
        assertEquals(articles(before, after, "received", null) + 1, after.since(before, "news_stage_received_total", INGEST));
        assertEquals(articles(before, after, "accepted", null), after.since(before, "news_stage_emitted_total", INGEST));
        assertEquals(articles(before, after, "rejected", null) + 1, after.since(before, "news_stage_failed_total", INGEST));
        assertTrue(after.since(before, "news_stage_processing_seconds_count", INGEST) >= 2, "one HTTP request, at least one poll");
        assertTrue(after.has("news_consumer_lag_records", Map.of("stage", "ingest", "topic", Topics.RAW)));
        assertTrue(after.has("agroal_active_count", Map.of()), "connection pool metrics");
    }
}
