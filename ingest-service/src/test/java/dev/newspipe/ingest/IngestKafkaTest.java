package dev.newspipe.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.EventType;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.common.annotation.Identifier;
import net.jpountz.lz4.LZ4Factory;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class IngestKafkaTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    @Test
    void plainTextPostIsAcceptedAndPublishedAsAValidEvent() {
        String headline = "Harbour authority reopens the north quay " + UUID.randomUUID();
        String id = given().contentType("text/plain")
                .body(headline + "\nThe north quay reopened on Monday after repairs to the sea wall took three weeks.\n")
                .post("/articles")
                .then().statusCode(202)
                .body("status", equalTo("accepted"))
                .body("id", matchesPattern("[0-9a-f]{32}"))
                .extract().path("id");

        var records = kafka.awaitKey(Topics.INGESTED, id, WAIT);
        assertEquals(1, records.size());
        KafkaTestClient.assertValidEvent(records.get(0), EventType.INGESTED);
        ArticleIngested event = EventJson.fromBytes(records.get(0).value(), ArticleIngested.class);
        assertEquals(headline, event.headline());
        assertEquals("http", event.intakePath());
        String traceparent = KafkaTestClient.header(records.get(0), "traceparent");
        assertNotNull(traceparent, "the trace context travels with the event");
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), traceparent);
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @Test
    void everyProducerIncludingDeadLetterOnesIsIdempotentWithAcksAll() {
        // SmallRye builds dead-letter producers from these defaults; its own default, acks=1, disables idempotence.
        assertEquals("all", String.valueOf(kafkaDefaults.get("acks")));
        assertEquals("true", String.valueOf(kafkaDefaults.get("enable.idempotence")));
    }

    @Test
    void kafkasLz4CodecUsesTheNativeLibraryWhereOneIsBundled() {
        // lz4-java bundles its JNI build for Linux on x86-64 and aarch64 (and a few more); elsewhere the Java one is right.
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64")));
        assertEquals("LZ4Factory:JNI", LZ4Factory.fastestInstance().toString(),
                "under Quarkus's class loader lz4-java falls back to Java unless the JNI build was loaded");
    }

    @Test
    void invalidJsonArticleIsRejectedAsProblemJson() {
        given().contentType("application/json")
                .body("{\"headline\":\"\",\"body\":\"Some body text that is long enough.\"}")
                .post("/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("headline"));
    }

    @Test
    void poisonRecordOnRawGoesToTheDeadLetterTopicAndTheNextGoodRecordStillGoesThrough() {
        String marker = UUID.randomUUID().toString();
        byte[] poison = ("{\"headline\": \"broken " + marker).getBytes(StandardCharsets.UTF_8);
        kafka.send(Topics.RAW, "poison-" + marker, poison);
        kafka.send(Topics.RAW, "invalid-" + marker, "{\"headline\":\"No body " + marker + "\"}");
        String good = "{\"url\":\"https://example.org/" + marker + "\",\"headline\":\"Rail line reopens " + marker
                + "\",\"body\":\"The coastal rail line reopened on Tuesday after storm damage was repaired.\"}";
        kafka.send(Topics.RAW, "good-" + marker, good);

        var ingested = kafka.await(Topics.INGESTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 1, WAIT);
        assertEquals(1, ingested.size(), "the good record after the poison one is ingested");
        KafkaTestClient.assertValidEvent(ingested.get(0), EventType.INGESTED);
        assertEquals("kafka", EventJson.fromBytes(ingested.get(0).value(), ArticleIngested.class).intakePath());

        var dead = kafka.await(Topics.RAW_DLQ, r -> r.key() != null && r.key().endsWith(marker), 2, WAIT);
        assertEquals(2, dead.size());
        var poisonLetter = dead.stream().filter(r -> r.key().startsWith("poison-")).findFirst().orElseThrow();
        assertEquals(new String(poison, StandardCharsets.UTF_8), new String(poisonLetter.value(), StandardCharsets.UTF_8),
                "the dead letter holds the original bytes");
        assertNotNull(KafkaTestClient.header(poisonLetter, "dead-letter-reason"));
        var invalidLetter = dead.stream().filter(r -> r.key().startsWith("invalid-")).findFirst().orElseThrow();
        String reason = KafkaTestClient.header(invalidLetter, "dead-letter-reason");
        assertTrue(reason.startsWith("body:"), reason);
    }

    @Test
    void anArticleFromRawContinuesTheTraceOfItsRecord() {
        String marker = UUID.randomUUID().toString();
        String traceId = marker.replace("-", "");
        String good = "{\"url\":\"https://example.org/traced/" + marker + "\",\"headline\":\"Traced article " + marker
                + "\",\"body\":\"The tram line extension opened on Sunday with six new stops.\"}";
        kafka.send(Topics.RAW, "traced-" + marker, good.getBytes(StandardCharsets.UTF_8),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        var ingested = kafka.await(Topics.INGESTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 1, WAIT);
        assertEquals(1, ingested.size());
        String traceparent = KafkaTestClient.header(ingested.get(0), "traceparent");
        assertNotNull(traceparent);
        assertEquals(traceId, traceparent.split("-")[1], "the event belongs to the producer's trace");
    }
}
