package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StoreKafkaTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    @Inject
    ArticleRepository repository;

    void send(ArticleEnriched event) {
        kafka.send(Topics.ENRICHED, event.id(), EventJson.toBytes(event));
    }

    @Test
    void enrichedArticleIsStoredAndServed() {
        String id = SampleEvents.newId();
        send(SampleEvents.enriched(SampleEvents.ingested(id, 1, "Tram line opens", "A new tram line opened in Lisbon on Monday."), "1.0.0"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        given().get("/articles/" + id).then()
                .body("headline", equalTo("Tram line opens"))
                .body("entities[0].id", equalTo("Q597"))
                .body("topics[0].code", equalTo("medtop:04000000"))
                .body("enrichmentVersion", equalTo("1.0.0"));
    }

    @Test
    void replaysLeaveOneRowAndOlderVersionsNeverOverwriteNewerOnes() throws Exception {
        String id = SampleEvents.newId();
        ArticleIngested r1 = SampleEvents.ingested(id, 1, "Bridge closed", "The old bridge in Lisbon closed for repairs.");
        ArticleIngested r2 = SampleEvents.ingested(id, 2, "Bridge reopens", "The old bridge in Lisbon reopened after repairs.");
        send(SampleEvents.enriched(r2, "1.0.0"));
        send(SampleEvents.enriched(r2, "1.0.0"));
        send(SampleEvents.enriched(r1, "2.0.0"));     // older revision, even with a newer engine
        send(SampleEvents.enriched(r2, "0.9.0"));     // same revision, older engine
        String marker = SampleEvents.newId();          // a record after all of them, to know they were consumed
        send(SampleEvents.enriched(SampleEvents.ingested(marker, 1, "Marker", "Marker article in Lisbon for ordering."), "1.0.0"));
        kafka.send(Topics.ENRICHED, id, EventJson.toBytes(SampleEvents.enriched(r2, "1.10.0")));

        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then()
                .statusCode(200).body("enrichmentVersion", equalTo("1.10.0")));
        assertEquals(1, repository.count(id));
        given().get("/articles/" + id).then().body("headline", equalTo("Bridge reopens")).body("revision", equalTo(2));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStored() {
        String poisonKey = SampleEvents.newId();
        kafka.send(Topics.ENRICHED, poisonKey, "{\"article\": 42}");
        String id = SampleEvents.newId();
        send(SampleEvents.enriched(SampleEvents.ingested(id, 1, "After poison", "This article in Lisbon follows a poison record."), "1.0.0"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        var dead = kafka.awaitKey(Topics.ENRICHED_DLQ, poisonKey, WAIT);
        assertEquals(1, dead.size());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason") != null);
    }

    @Test
    void aRowTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsBatchIsStored() {
        String bad = SampleEvents.newId();
        String good = SampleEvents.newId();
        // PostgreSQL text cannot hold NUL: the database refuses this row as data (SQLSTATE 22021).
        send(SampleEvents.enriched(SampleEvents.ingested(bad, 1, "Broken \u0000 headline", "Body text in Lisbon that is fine."), "1.0.0"));
        send(SampleEvents.enriched(SampleEvents.ingested(good, 1, "Fine headline", "Body text in Lisbon that is fine too."), "1.0.0"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + good).then().statusCode(200));
        var dead = kafka.awaitKey(Topics.ENRICHED_DLQ, bad, WAIT);
        assertEquals(1, dead.size());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("refused"));
        assertEquals(bad, EventJson.fromBytes(dead.get(0).value(), ArticleEnriched.class).id());
        given().get("/articles/" + bad).then().statusCode(404);
    }

    @Test
    void aLargeBatchIsStoredCompletely() throws Exception {
        String prefix = SampleEvents.newId().substring(0, 8);
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers", KafkaBrokerTestResource.bootstrapServers(), "acks", "all", "linger.ms", 20),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < 1200; i++) {
                String id = SampleEvents.newId();
                ids.add(id);
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ENRICHED, id, EventJson.toBytes(
                        SampleEvents.enriched(SampleEvents.ingested(id, 1, "Batch " + prefix + " " + i, "Article " + i + " from Lisbon."), "1.0.0"))));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1200L, storedWithHeadlinePrefix("Batch " + prefix + " ")));
        for (String id : java.util.List.of(ids.get(0), ids.get(599), ids.get(1199))) {
            assertEquals(1, repository.count(id));
        }
    }

    @Inject
    javax.sql.DataSource dataSource;

    long storedWithHeadlinePrefix(String prefix) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT count(*) FROM articles WHERE headline LIKE ?")) {
            s.setString(1, prefix + "%");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void unknownIdIs404ProblemJson() {
        given().get("/articles/ffffffffffffffffffffffffffffffff").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
