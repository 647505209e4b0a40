package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** GET /articles against real PostgreSQL: every filter, combinations, order, cursor paging, bad parameters. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleQueryTest {

    /** Every query is limited to this run's source, so other tests' rows never show up. */
    static final String SOURCE = "query-test-" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> ids = new ArrayList<>();   // drone-strikes, export-rules, hafen, cup-final

    static ArticleEnriched article(String id, String headline, String body, String language, String published,
            List<Entity> entities, String topic) {
        ArticleIngested a = new ArticleIngested(id, 1, "https://example.org/" + id, headline, body, SOURCE,
                published == null ? null : Instant.parse(published), null, null, null, id, "http", Instant.now(), null);
        return new ArticleEnriched(a, "1.0.0", Instant.now(), new DetectedLanguage(language, 0.9), entities,
                List.of(new MediaTopic(topic, "t", 0.8, 1)), List.of(), body, List.of(), null);
    }

    static Entity entity(String id, EntityType type, String name) {
        return new Entity(id, type, name, List.of(new Mention(name, 0, name.length())), 1, 0.5);
    }

    @BeforeEach
    void storeArticlesOnce() {
        if (!ids.isEmpty()) {
            return;
        }
        KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
        List<ArticleEnriched> articles = List.of(
                article(SampleEvents.newId(), "Drone strikes hit power plants near Kyiv",
                        "Russian drones struck two power plants outside Kyiv overnight, officials said.", "en",
                        "2026-11-01T08:00:00Z", List.of(entity("Q1899", EntityType.LOCATION, "Kyiv"),
                                entity("Q159", EntityType.LOCATION, "Russia")), "medtop:16000000"),
                article(SampleEvents.newId(), "Diplomats debate drone export rules",
                        "Antony Blinken said the export of drones to Russia would bring sanctions.", "en",
                        "2026-11-02T08:00:00Z", List.of(entity("person:antony-blinken", EntityType.PERSON, "Antony Blinken"),
                                entity("Q794", EntityType.LOCATION, "Iran")), "medtop:20000638"),
                article(SampleEvents.newId(), "Hafen in Hamburg wird erweitert",
                        "Der Hafen in Hamburg bekommt neue Kräne und einen tieferen Liegeplatz.", "de",
                        "2026-11-03T08:00:00Z", List.of(entity("location:hamburg", EntityType.LOCATION, "Hamburg")),
                        "medtop:04000000"),
                article(SampleEvents.newId(), "Harbour club wins the cup final",
                        "A late header won the cup final for the harbour club.", "en", null, List.of(), "medtop:15000000"));
        for (ArticleEnriched a : articles) {
            ids.add(a.id());
            kafka.send(Topics.ENRICHED, a.id(), EventJson.toBytes(a));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(4, found(Map.of()).size()));
    }

    RequestSpecification query(Map<String, ?> params) {
        return given().queryParam("source", SOURCE).queryParams(params);
    }

    List<String> found(Map<String, ?> params) {
        return query(params).get("/articles").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    List<String> expected(int... indexes) {
        List<String> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(ids.get(i));
        }
        return out;
    }

    @Test
    void newestFirstWithTheUndatedArticleAtItsIngestTime() {
        assertEquals(expected(3, 2, 1, 0), found(Map.of()));
    }

    @Test
    void textSearchStemsAndHighlights() {
        assertEquals(expected(1, 0), found(Map.of("q", "drone")));
        query(Map.of("q", "sanctions")).get("/articles").then()
                .body("items[0].snippet", containsString("<mark>sanctions</mark>"));
        assertEquals(expected(2), found(Map.of("q", "Hafen Kräne")));
    }

    @Test
    void entityByIdOrNameAndType() {
        assertEquals(expected(0), found(Map.of("entity", "Q1899")));
        assertEquals(expected(0), found(Map.of("entity", "kyiv")));
        assertEquals(expected(1), found(Map.of("type", "person")));
        assertEquals(expected(2, 1, 0), found(Map.of("type", "LOCATION")));
        assertEquals(expected(1), found(Map.of("entity", "Q794", "type", "LOCATION")));
        assertEquals(List.of(), found(Map.of("entity", "Q794", "type", "PERSON")));
    }

    @Test
    void topicIncludesNarrowerTopics() {
        assertEquals(expected(0), found(Map.of("topic", "medtop:16000000")));
        assertEquals(expected(1), found(Map.of("topic", "medtop:11000000")));   // international relations is narrower
        assertEquals(expected(1), found(Map.of("topic", "20000638")));
    }

    @Test
    void languageDatesAndCombinations() {
        assertEquals(expected(2), found(Map.of("language", "de")));
        assertEquals(expected(1), found(Map.of("from", "2026-11-02", "to", "2026-11-03")));
        assertEquals(expected(1), found(Map.of("from", "2026-11-01T12:00:00Z", "to", "2026-11-02T12:00:00Z")));
        assertEquals(expected(0), found(Map.of("q", "drones", "type", "LOCATION", "entity", "Russia", "language", "en",
                "to", "2026-11-02")));
        assertEquals(List.of(), found(Map.of("q", "drones", "language", "de")));
    }

    @Test
    void cursorPagingWalksEveryResultOnceInOrder() {
        var first = query(Map.of("limit", 3)).get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(expected(3, 2, 1), first.getList("items.id", String.class));
        String cursor = first.getString("nextCursor");
        query(Map.of("limit", 3, "cursor", cursor)).get("/articles").then().statusCode(200)
                .body("items.id", equalTo(expected(0)))
                .body("nextCursor", nullValue());
    }

    @ParameterizedTest
    @CsvSource({"limit,abc", "limit,0", "from,yesterday", "to,2026-13-01", "topic,medtop:99999999", "topic,sports",
        "type,ANIMAL", "cursor,not-a-cursor", "language,english"})
    void badParametersAre400NamingTheParameter(String parameter, String value) {
        given().queryParam(parameter, value).get("/articles").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo(parameter));
    }

    @Test
    void pageSizeIsCappedAndInputNeverReachesSqlAsText() {
        query(Map.of("limit", 100000)).get("/articles").then().statusCode(200).body("limit", equalTo(ArticleQuery.MAX_LIMIT));
        query(Map.of("q", "'); DROP TABLE articles; --", "entity", "x' OR '1'='1")).get("/articles").then()
                .statusCode(200).body("items.size()", equalTo(0));
        assertEquals(4, found(Map.of()).size());
    }
}
