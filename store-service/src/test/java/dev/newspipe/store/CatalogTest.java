package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CatalogTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static ArticleEnriched article(String published, List<Entity> entities) {
        String id = SampleEvents.newId();
        ArticleIngested a = new ArticleIngested(id, 1, null, "Headline " + RUN, "Body text of the catalog test " + RUN + ".",
                "catalog-" + RUN, Instant.parse(published), null, null, null, id, "http", Instant.now(), null);
        return new ArticleEnriched(a, "1.0.0", Instant.now(), new DetectedLanguage("en", 0.9), entities,
                List.of(new MediaTopic("medtop:20000638", "international relations", 0.7, 2)), List.of(), null, List.of(), null);
    }

    static Entity entity(String id, EntityType type, String name) {
        return new Entity(id, type, name, List.of(new Mention(name, 0, name.length())), 1, 0.5);
    }

    @Test
    void entitiesAreCountedAndTopicsRollUpTheHierarchy() {
        String town = "location:testville-" + RUN;
        String envoy = "person:envoy-" + RUN;
        KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
        for (ArticleEnriched a : List.of(
                article("2026-10-01T00:00:00Z", List.of(entity(town, EntityType.LOCATION, "Testville " + RUN))),
                article("2026-10-05T00:00:00Z", List.of(entity(town, EntityType.LOCATION, "Testville " + RUN),
                        entity(envoy, EntityType.PERSON, "Envoy " + RUN))))) {
            kafka.send(Topics.ENRICHED, a.id(), EventJson.toBytes(a));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/entities/" + envoy).then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/entities/" + town).then()
                .statusCode(200).body("articles", equalTo(2)));

        given().get("/entities/" + town).then()
                .body("type", equalTo("LOCATION")).body("firstSeen", equalTo("2026-10-01T00:00:00Z"))
                .body("lastSeen", equalTo("2026-10-05T00:00:00Z"));
        given().queryParam("q", "testville " + RUN).get("/entities").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(town)).body("[0].articles", equalTo(2));
        given().queryParam("q", "envoy " + RUN).queryParam("type", "LOCATION").get("/entities").then()
                .statusCode(200).body("size()", equalTo(0));
        given().queryParam("type", "ANIMAL").get("/entities").then().statusCode(400).body("parameter", equalTo("type"));
        given().get("/entities/person:nobody-" + RUN).then().statusCode(404).contentType("application/problem+json");

        given().get("/topics").then().statusCode(200)
                .body("find { it.code == 'medtop:11000000' }.articles", greaterThanOrEqualTo(2))
                .body("find { it.code == 'medtop:11000000' }.narrower.find { it.code == 'medtop:20000638' }.articles",
                        greaterThanOrEqualTo(2));
    }

    @Test
    void trendingListsEntitiesWhoseMentionRateRose() {
        Entity riser = entity("person:riser-" + RUN, EntityType.PERSON, "Riser " + RUN);
        Entity steady = entity("location:steady-" + RUN, EntityType.LOCATION, "Steady " + RUN);
        Entity faller = entity("organization:faller-" + RUN, EntityType.ORGANIZATION, "Faller " + RUN);
        // A window of a day in 1999, which no other test writes into: two articles the day before, four in it.
        List<ArticleEnriched> articles = List.of(
                article("1999-05-09T03:00:00Z", List.of(steady, faller)),
                article("1999-05-09T15:00:00Z", List.of(steady)),
                article("1999-05-10T01:00:00Z", List.of(steady, riser)),
                article("1999-05-10T09:00:00Z", List.of(steady, riser)),
                article("1999-05-10T12:00:00Z", List.of(steady, riser)),
                article("1999-05-10T23:00:00Z", List.of(steady)));
        KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
        articles.forEach(a -> kafka.send(Topics.ENRICHED, a.id(), EventJson.toBytes(a)));
        for (ArticleEnriched a : articles) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + a.id()).then().statusCode(200));
        }

        given().queryParam("from", "1999-05-10T00:00:00Z").queryParam("to", "1999-05-11T00:00:00Z")
                .get("/entities/trending").then().statusCode(200)
                .body("articles", equalTo(4)).body("previousArticles", equalTo(2))
                .body("previousFrom", equalTo("1999-05-09T00:00:00Z"))
                .body("entities.size()", equalTo(1))
                .body("entities[0].id", equalTo(riser.id())).body("entities[0].articles", equalTo(3))
                .body("entities[0].previousArticles", equalTo(0)).body("entities[0].rate", equalTo(0.75f))
                .body("entities[0].rise", equalTo(0.75f));
        given().queryParam("from", "1999-05-10T00:00:00Z").queryParam("to", "1999-05-11T00:00:00Z")
                .queryParam("type", "LOCATION").get("/entities/trending").then().statusCode(200)
                .body("entities.size()", equalTo(0));
        given().queryParam("from", "yesterday").get("/entities/trending").then().statusCode(400)
                .body("parameter", equalTo("from"));
        given().queryParam("from", "1999-05-11T00:00:00Z").queryParam("to", "1999-05-10T00:00:00Z")
                .get("/entities/trending").then().statusCode(400).body("parameter", equalTo("from"));
        given().get("/entities/trending").then().statusCode(200);
    }
}
