package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleEnriched.StorySignature;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Story ids and related articles, through the real consumer and database. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StoryTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Random RANDOM = new Random();
    static final MediaTopic CONFLICT = new MediaTopic("medtop:16000000", "conflict, war and peace", 0.8, 1);
    static final MediaTopic CRIME = new MediaTopic("medtop:02000000", "crime, law and justice", 0.8, 1);

    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static Entity entity(String key, EntityType type, double salience) {
        return new Entity(key + "-" + RUN, type, key, List.of(new Mention(key, 0, key.length())), 1, salience);
    }

    static List<Integer> randomMinhash() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            values.add(RANDOM.nextInt(Integer.MAX_VALUE));
        }
        return values;
    }

    static ArticleEnriched article(String published, List<Entity> entities, MediaTopic topic, List<Integer> minhash) {
        String id = SampleEvents.newId();
        ArticleIngested a = new ArticleIngested(id, 1, null, "Story test " + RUN, "Body of a story test " + RUN + ".",
                "stories-" + RUN, published == null ? null : Instant.parse(published), null, null, null, id, "http",
                Instant.now(), null);
        return new ArticleEnriched(a, "1.0.0", Instant.now(), new DetectedLanguage("en", 0.9), entities, List.of(topic),
                List.of(), null, List.of(), new StorySignature("0000000000000000", minhash));
    }

    /** Sends and waits until stored, so that stories form in this order. */
    String store(ArticleEnriched article) {
        kafka.send(Topics.ENRICHED, article.id(), EventJson.toBytes(article));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + article.id()).then().statusCode(200));
        return given().get("/articles/" + article.id()).then().extract().path("storyId");
    }

    @Inject
    DataSource dataSource;

    /** The story's first and last publication time, as story assignment reads them. */
    List<Instant> span(String story) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT first_published, last_published FROM story_span WHERE story_id = ?")) {
            s.setString(1, story);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()) : List.of();
            }
        }
    }

    /** The story in the article's feature row, which story assignment reads for candidates. */
    String featureRowStory(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT story_id FROM article_story_features WHERE article_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    List<Entity> droneStoryEntities(double envoySalience) {
        return List.of(entity("Iran", EntityType.LOCATION, 0.9), entity("Russia", EntityType.LOCATION, 0.8),
                entity("Ukraine", EntityType.LOCATION, 0.7), entity("Envoy", EntityType.PERSON, envoySalience));
    }

    @Test
    void sameEventSharesAStoryLaterCoverageIsOnlyRelatedAndOtherNewsIsNeither() throws Exception {
        ArticleEnriched first = article("2022-10-17T10:00:00Z", droneStoryEntities(0.6), CONFLICT, randomMinhash());
        ArticleEnriched undated = article(null, droneStoryEntities(0.5), CONFLICT, randomMinhash());
        ArticleEnriched sameWeek = article("2022-10-20T08:00:00Z", List.of(entity("Russia", EntityType.LOCATION, 0.9),
                entity("Iran", EntityType.LOCATION, 0.8), entity("Envoy", EntityType.PERSON, 0.7),
                entity("Canada", EntityType.LOCATION, 0.4)), CONFLICT, randomMinhash());
        ArticleEnriched tenMonthsLater = article("2023-08-17T05:00:00Z", droneStoryEntities(0.4), CONFLICT, randomMinhash());
        ArticleEnriched otherNews = article("2022-10-19T00:00:00Z", List.of(entity("Cambodia", EntityType.LOCATION, 0.9),
                entity("Indonesia", EntityType.LOCATION, 0.8), entity("Embassy", EntityType.ORGANIZATION, 0.5)),
                CRIME, randomMinhash());

        String story = store(first);
        assertEquals(first.id(), story, "the first article of a story names it");
        assertEquals(story, store(undated), "an undated article joins on content alone");
        assertEquals(story, featureRowStory(undated.id()), "candidates are read with the story of their feature row");
        assertEquals(story, store(sameWeek));
        assertEquals(List.of(Instant.parse("2022-10-17T10:00:00Z"), Instant.parse("2022-10-20T08:00:00Z")), span(story),
                "the story's span covers its dated articles, which the time window is checked against");
        assertNotEquals(story, store(tenMonthsLater), "ten months later is outside the story's time window");
        String other = store(otherNews);
        assertNotEquals(story, other);
        assertEquals(otherNews.id(), other);

        given().get("/articles/" + first.id() + "/related").then().statusCode(200)
                .body("[0].sameStory", equalTo(true)).body("[1].sameStory", equalTo(true))
                .body("findAll { it.sameStory }.id", hasItem(sameWeek.id()))
                .body("find { it.id == '" + tenMonthsLater.id() + "' }.sameStory", equalTo(false))
                .body("id", not(hasItem(otherNews.id())))
                .body("id", not(hasItem(first.id())));
        List<Float> scores = given().get("/articles/" + first.id() + "/related").then().extract().path("score");
        assertEquals(3, scores.size(), "two of the same story and the later coverage: " + scores);
    }

    @Test
    void nearDuplicatesShareAStoryWithoutSharedEntities() {
        List<Integer> minhash = randomMinhash();
        List<Integer> nearly = new ArrayList<>(minhash);
        for (int i = 0; i < 5; i++) {
            nearly.set(i, RANDOM.nextInt(Integer.MAX_VALUE));
        }
        ArticleEnriched original = article("2026-03-01T00:00:00Z", List.of(), CRIME, minhash);
        ArticleEnriched copy = article("2026-03-02T00:00:00Z", List.of(entity("Somewhere", EntityType.LOCATION, 0.5)),
                CRIME, nearly);
        String story = store(original);
        assertEquals(story, store(copy));
        given().get("/articles/" + copy.id() + "/related").then().statusCode(200)
                .body("[0].id", equalTo(original.id())).body("[0].sameStory", equalTo(true));
    }

    @Test
    void relatedAnswersProblemsForUnknownIdsAndBadLimits() {
        given().get("/articles/nope-" + RUN + "/related").then().statusCode(404).contentType("application/problem+json");
        ArticleEnriched a = article("2026-03-01T00:00:00Z", List.of(), CRIME, randomMinhash());
        store(a);
        for (String bad : List.of("0", "51", "ten")) {
            given().queryParam("limit", bad).get("/articles/" + a.id() + "/related").then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", equalTo("limit"));
        }
        given().queryParam("limit", "1").get("/articles/" + a.id() + "/related").then().statusCode(200);
    }
}
