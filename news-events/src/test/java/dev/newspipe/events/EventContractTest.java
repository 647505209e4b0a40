package dev.newspipe.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleEnriched.StorySignature;

class EventContractTest {

    static ArticleIngested ingested() {
        return new ArticleIngested("0123456789abcdef0123456789abcdef", 1, "https://example.org/a",
                "Harbour reopens", "The harbour in Lisbon reopened on Monday.", "example.org",
                Instant.parse("2026-11-20T08:00:00Z"), "en", List.of("A. Writer"), "ext-1",
                "fedcba9876543210fedcba9876543210", "http", Instant.parse("2026-11-20T08:00:01Z"),
                new ArticleSubmitted("https://example.org/a?utm_source=x", "Harbour reopens",
                        "<p>The harbour in Lisbon reopened on Monday.</p>", "example.org",
                        "2026-11-20T08:00:00Z", "en", List.of("A. Writer"), "ext-1"));
    }

    static ArticleEnriched enriched() {
        return new ArticleEnriched(ingested(), "0.1.0", Instant.parse("2026-11-20T08:00:02Z"),
                new DetectedLanguage("en", 0.9),
                List.of(new Entity("Q597", EntityType.LOCATION, "Lisbon", List.of(new Mention("Lisbon", 16, 22)), 1, 0.8)),
                List.of(new MediaTopic("medtop:04000000", "economy, business and finance", 0.7, 1)),
                List.of(new ArticleEnriched.Keyword("harbour", 1.0)), "The harbour in Lisbon reopened on Monday.",
                List.of(), new StorySignature("00ff00ff00ff00ff", List.of(1, 2, 3)));
    }

    @Test
    void everyEventTypeHasAPublishedSchemaAndATopic() {
        for (EventType type : EventType.values()) {
            assertTrue(Topics.ALL.stream().anyMatch(t -> t.name().equals(type.topic())), type + " topic");
            assertTrue(type.ceType().matches("news\\.article\\.[a-z]+\\.v[0-9]+"), type.ceType());
            assertTrue(EventType.class.getResource(type.schemaResource()) != null, type.schemaResource());
        }
    }

    @Test
    void serializedEventsValidateAgainstTheirSchemas() {
        assertEquals(List.of(), EventSchemas.violations(EventType.INGESTED, EventJson.toBytes(ingested())));
        assertEquals(List.of(), EventSchemas.violations(EventType.ENRICHED, EventJson.toBytes(enriched())));
        assertEquals(List.of(), EventSchemas.violations(EventType.SUBMITTED, EventJson.toBytes(ingested().raw())));
    }

    @Test
    void schemasRejectWhatTheContractForbids() throws Exception {
        ObjectNode badId = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(ingested()));
        badId.put("id", "not-a-hash");
        assertFalse(EventSchemas.violations(EventType.INGESTED, badId).isEmpty());

        ObjectNode noHeadline = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(ingested()));
        noHeadline.remove("headline");
        assertFalse(EventSchemas.violations(EventType.INGESTED, noHeadline).isEmpty());

        ObjectNode badTopic = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(enriched()));
        ((ObjectNode) badTopic.withArray("topics").get(0)).put("code", "sports");
        assertFalse(EventSchemas.violations(EventType.ENRICHED, badTopic).isEmpty());

        ObjectNode badNested = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(enriched()));
        ((ObjectNode) badNested.get("article")).put("revision", 0);
        assertFalse(EventSchemas.violations(EventType.ENRICHED, badNested).isEmpty());
    }

    @Test
    void serdeRoundTripsEvents() {
        var serializer = new JsonEventSerde.ArticleEnrichedSerializer();
        byte[] bytes = serializer.serialize(Topics.ENRICHED, enriched());
        ArticleEnriched back = new JsonEventSerde.ArticleEnrichedDeserializer().deserialize(Topics.ENRICHED, bytes);
        assertEquals(enriched(), back);
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("null"), "absent fields are omitted");
    }

    @Test
    void serializerWritesAPoisonRecordsOriginalBytesBackAsTheDeadLetterValue() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        byte[] original = {'{', 'x', (byte) 0xFF};
        headers.add(JsonEventSerde.FAILED_VALUE_HEADER, original);
        headers.add("deserialization-failure-data", original);
        headers.add("deserialization-failure-reason", "bad".getBytes(StandardCharsets.UTF_8));
        byte[] written = new JsonEventSerde.ArticleSubmittedSerializer().serialize(Topics.RAW_DLQ, headers, null);
        assertEquals(new String(original, StandardCharsets.ISO_8859_1), new String(written, StandardCharsets.ISO_8859_1));
        assertEquals(null, headers.lastHeader(JsonEventSerde.FAILED_VALUE_HEADER));
        assertTrue(headers.lastHeader("deserialization-failure-reason") != null, "the reason stays");
        assertEquals(null, new JsonEventSerde.ArticleSubmittedSerializer().serialize(Topics.RAW_DLQ,
                new org.apache.kafka.common.header.internals.RecordHeaders(), null));
    }

    @Test
    void deserializerRejectsPoisonWithAReason() {
        var deserializer = new JsonEventSerde.ArticleIngestedDeserializer();
        assertThrows(EventFormatException.class, () -> deserializer.deserialize(Topics.INGESTED, null));
        assertThrows(EventFormatException.class, () -> deserializer.deserialize(Topics.INGESTED, new byte[0]));
        assertThrows(EventFormatException.class, () -> deserializer.deserialize(Topics.INGESTED, "{\"id\":".getBytes()));
        assertThrows(EventFormatException.class, () -> deserializer.deserialize(Topics.INGESTED, "null".getBytes()));
        assertThrows(EventFormatException.class, () -> deserializer.deserialize(Topics.INGESTED, "{} {}".getBytes()));
        byte[] invalidUtf8 = {'{', '"', 'h', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> new JsonEventSerde.ArticleSubmittedDeserializer().deserialize(Topics.RAW, invalidUtf8));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertThrows(EventFormatException.class, () -> new JsonEventSerde.ArticleSubmittedDeserializer()
                .deserialize(Topics.RAW, "{\"headline\": 42}".getBytes()), "a number is not a string");
    }
}
