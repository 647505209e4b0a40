package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.MetricsScrape;
import dev.newspipe.testsupport.PostgresServer;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A real outage of the store's database: new connections refused and open sessions terminated. The
 * record that arrives meanwhile waits (it is not dead-lettered), readiness reports the database down,
 * liveness reports the consumer stuck once it has waited longer than stall-after, and when the database
 * returns the record is stored and both recover by themselves.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DatabaseOutageTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    void setConnectionsAllowed(boolean allowed) throws Exception {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        PostgresServer.Settings server = PostgresServer.settings();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }

    static double stalledGauge() {
        return new MetricsScrape(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("news_consumer_stalled", Map.of("stage", "store", "topic", Topics.ENRICHED));
    }

    @Test
    void consumptionWaitsWhileTheDatabaseIsAwayAndResumesByItself() throws Exception {
        KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
        String id = SampleEvents.newId();
        try {
            setConnectionsAllowed(false);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
            kafka.send(Topics.ENRICHED, id, EventJson.toBytes(SampleEvents.enriched(
                    SampleEvents.ingested(id, 1, "Stored after the outage", "This article in Lisbon arrives while the database is away."),
                    "1.0.0")));
            // The consumer retries meanwhile, with a record waiting: after stall-after (5 s in tests) liveness says so.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.name == 'consumer progress' }.status", equalTo("DOWN")));
            // Read separately from the health check: a reading in between may restart the clock (a slow
            // broker answer is no evidence of a stall), so the gauge is awaited too.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1, stalledGauge(), "news_consumer_stalled"));
            given().get("/articles/" + id).then().statusCode(503).contentType("application/problem+json");
        } finally {
            setConnectionsAllowed(true);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, stalledGauge(), "news_consumer_stalled"));
        assertTrue(kafka.awaitKey(Topics.ENRICHED_DLQ, id, Duration.ofSeconds(2)).isEmpty(), "nothing dead-lettered for an outage");
    }
}
