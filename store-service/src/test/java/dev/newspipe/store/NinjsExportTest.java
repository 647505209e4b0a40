package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.NinjsSchema;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class NinjsExportTest {

    static ArticleEnriched article(String id) {
        ArticleIngested a = new ArticleIngested(id, 2, "https://example.org/world/" + id, "Diplomats meet in Kyiv",
                "Antony Blinken met officials of the United Nations in Kyiv on Monday.", "Example News",
                Instant.parse("2026-11-01T08:00:00Z"), "en", List.of("A. Writer", "B. Writer"), "ext-" + id,
                id, "http", Instant.parse("2026-11-01T08:05:00Z"), null);
        return new ArticleEnriched(a, "1.0.0", Instant.now(), new DetectedLanguage("en", 0.97),
                List.of(new Entity("person:antony-blinken", EntityType.PERSON, "Antony Blinken", List.of(new Mention("Antony Blinken", 0, 14)), 1, 0.9),
                        new Entity("Q1065", EntityType.ORGANIZATION, "United Nations", List.of(new Mention("United Nations", 34, 48)), 1, 0.6),
                        new Entity("Q1899", EntityType.LOCATION, "Kyiv", List.of(new Mention("Kyiv", 52, 56)), 1, 0.7)),
                List.of(new MediaTopic("medtop:11000000", "politics", 0.83, 1),
                        new MediaTopic("medtop:20000638", "international relations", 0.61, 2)),
                List.of(), "Antony Blinken met officials of the United Nations in Kyiv on Monday.", List.of(), null);
    }

    @Test
    void exportIsNinjs31WithEntitiesAndSubjects() {
        String id = SampleEvents.newId();
        new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers()).send(Topics.ENRICHED, id, EventJson.toBytes(article(id)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id + "/ninjs").then().statusCode(200));

        String body = given().get("/articles/" + id + "/ninjs").then().statusCode(200)
                .body("uri", equalTo("urn:newspipe:article:" + id))
                .body("headlines[0].value", equalTo("Diplomats meet in Kyiv"))
                .body("people[0].literal", equalTo("person:antony-blinken"))
                .body("organisations[0].uri", equalTo("http://www.wikidata.org/entity/Q1065"))
                .body("places[0].uri", equalTo("http://www.wikidata.org/entity/Q1899"))
                .body("subjects[1].uri", equalTo("http://cv.iptc.org/newscodes/mediatopic/20000638"))
                .body("subjects[0].relevance", equalTo(83))
                .body("by", equalTo("A. Writer, B. Writer"))
                .extract().asString();

        JsonNode document = EventJson.fromBytes(body.getBytes(), JsonNode.class);
        Optional<List<String>> violations = NinjsSchema.violations(document);
        assumeTrue(violations.isPresent(), "the official ninjs schema in ../shared is not available");
        assertEquals(List.of(), violations.get());
    }

    @Test
    void unknownIdIs404() {
        given().get("/articles/0000000000000000000000000000dead/ninjs").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
