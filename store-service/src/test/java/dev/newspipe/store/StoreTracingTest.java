package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on, a batch write is a trace of its own and each of its SQL statements a child span (JDBC
 * telemetry); statements outside a request or a batch are not recorded.
 */
@QuarkusTest
@TestProfile(StoreTracingTest.Sampled.class)
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StoreTracingTest {

    /**
     * Turns sampling on, as a configured collector does (TracingSampler), and statement spans, as NEWS_DB_TRACING
     * does; the spans go to {@link Spans}.
     */
    public static class Sampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.tracing.otlp-endpoint", "http://127.0.0.1:4317",
                    "quarkus.datasource.jdbc.telemetry.enabled", "true",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    /**
     * Keeps every exported span in memory; Quarkus hands its spans to every SpanExporter bean. A singleton, so
     * that the test reads the instance the SDK writes to (a normal-scoped bean's proxy has fields of its own).
     */
    @Singleton
    public static class Spans implements SpanExporter {
        final Collection<SpanData> exported = new ConcurrentLinkedQueue<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @Inject
    Spans spans;

    @Test
    void aBatchWriteIsATraceWithASpanPerStatementAndLoneStatementsAreNotRecorded() {
        KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
        String id = SampleEvents.newId();
        String traceId = "5cf92f3577b34da6a3ce929d0e0e4736";
        kafka.send(Topics.ENRICHED, id, EventJson.toBytes(SampleEvents.enriched(
                SampleEvents.ingested(id, 1, "Ferry timetable changes", "The ferry to Cacilhas runs every 20 minutes."),
                "1.0.0")), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));

        AttributeKey<String> dbSystem = AttributeKey.stringKey("db.system");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> inserts = spans.exported.stream()
                    .filter(span -> "postgresql".equals(span.getAttributes().get(dbSystem)))
                    .filter(span -> span.getName().startsWith("INSERT") && span.getName().endsWith(".articles")).toList();
            assertFalse(inserts.isEmpty(), "no INSERT into articles among "
                    + spans.exported.stream().map(SpanData::getName).toList());
            for (SpanData insert : inserts) {
                SpanData parent = spans.exported.stream().filter(span -> span.getSpanId().equals(insert.getParentSpanId()))
                        .findFirst().orElseThrow(() -> new AssertionError("the INSERT has no exported parent"));
                assertEquals("store " + Topics.ENRICHED + " batch", parent.getName());
                assertEquals(parent.getTraceId(), insert.getTraceId());
            }
        });
        // Flyway at start-up and the status page, which samples the database every second here: not traces.
        List<String> lone = spans.exported.stream()
                .filter(span -> span.getAttributes().get(dbSystem) != null && !span.getParentSpanContext().isValid())
                .map(SpanData::getName).toList();
        assertTrue(lone.isEmpty(), "database statements outside any request or batch: " + lone);
    }
}
