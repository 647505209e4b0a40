package dev.newspipe.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.EventType;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every HTTP content type, duplicates and revisions, against the real broker and database. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class IntakePathsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    ArticleIngested published(String id) {
        var records = kafka.awaitKey(Topics.INGESTED, id, WAIT);
        assertEquals(1, records.size(), "one record for " + id);
        KafkaTestClient.assertValidEvent(records.get(0), EventType.INGESTED);
        return EventJson.fromBytes(records.get(0).value(), ArticleIngested.class);
    }

    static String json(String url, String headline, String body) {
        return "{\"url\": \"" + url + "\", \"headline\": \"" + headline + "\", \"body\": \"" + body + "\"}";
    }

    @Test
    void jsonArticleWithHtmlBodyBecomesCleanText() {
        String u = unique();
        String id = given().contentType("application/json")
                .body("{\"url\": \"https://Example.org/city/" + u + "/?utm_source=x#top\", \"headline\": \"Ferry timetable changes " + u + "\","
                        + " \"body\": \"<p>The ferry runs every <b>twenty</b> minutes.</p><p>Night services stop at midnight.</p>\","
                        + " \"source\": \"Example Daily\", \"publishedAt\": \"2026-11-01T08:30:00+01:00\", \"language\": \"en\","
                        + " \"authors\": [\"A. Writer\"], \"externalId\": \"ed-" + u + "\"}")
                .post("/articles").then().statusCode(202)
                .body("status", equalTo("accepted")).body("revision", equalTo(1)).body("duplicateOf", nullValue())
                .extract().path("id");
        ArticleIngested event = published(id);
        assertEquals("https://example.org/city/" + u, event.url());
        assertEquals("The ferry runs every twenty minutes.\n\nNight services stop at midnight.", event.body());
        assertEquals(Instant.parse("2026-11-01T07:30:00Z"), event.publishedAt());
        assertEquals("Example Daily", event.source());
        assertEquals(List.of("A. Writer"), event.authors());
        assertEquals("http", event.intakePath());
        assertTrue(event.raw().body().startsWith("<p>"), "the raw submission is kept for audit");
    }

    @Test
    void jsonArrayIsABatchWithAResultPerItem() {
        String u = unique();
        given().contentType("application/json")
                .body("[" + json("https://example.org/a/" + u, "Bridge works begin " + u, "Work on the old bridge begins on Monday morning.")
                        + ", {\"headline\": \"\", \"body\": \"No headline here but a long enough body.\"}"
                        + ", " + json("https://example.org/b/" + u, "School year starts " + u, "Pupils return to classrooms across the region.") + "]")
                .post("/articles").then().statusCode(202)
                .body("items", hasSize(3))
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("items[0].status", equalTo("accepted"))
                .body("items[1].status", equalTo("rejected"))
                .body("items[1].problem.field", equalTo("headline"))
                .body("items[2].status", equalTo("accepted"));
    }

    @Test
    void ndjsonIsABatchAndABrokenLineIsReportedOnItsOwn() {
        String u = unique();
        String body = json("https://example.org/n1/" + u, "Library extends hours " + u, "The central library now opens until ten at night.") + "\n"
                + "{\"headline\": \"broken\n"
                + json("https://example.org/n2/" + u, "Market moves indoors " + u, "The weekly market moves into the old station hall.") + "\n";
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(202)
                .body("items", hasSize(3)).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("items[1].problem.field", equalTo("line 2"));
    }

    @Test
    void ninjsItemIsAccepted() {
        String u = unique();
        String ninjs = "{\"uri\": \"urn:newsml:example.org:" + u + "\", \"type\": \"text\", \"versionCreated\": \"2026-10-30T12:00:00Z\","
                + " \"language\": \"en-GB\", \"by\": \"By A. Writer\", \"copyrightHolder\": \"Example Agency\","
                + " \"headlines\": [{\"role\": \"main\", \"value\": \"Harbour cranes replaced " + u + "\"}],"
                + " \"bodies\": [{\"role\": \"text\", \"contentType\": \"text/plain\", \"value\": \"Two new cranes arrived at the harbour on Friday.\"}]}";
        for (String type : List.of("application/ninjs+json", "application/json")) {
            var response = given().contentType(type).body(ninjs).post("/articles").then();
            if (type.equals("application/json")) {
                response.statusCode(200).body("status", equalTo("duplicate"));   // detected as ninjs, same content
                continue;
            }
            String id = response.statusCode(202).extract().path("id");
            ArticleIngested event = published(id);
            assertEquals("Harbour cranes replaced " + u, event.headline());
            assertEquals("Example Agency", event.source());
            assertEquals("en", event.language());
            assertEquals(Instant.parse("2026-10-30T12:00:00Z"), event.publishedAt());
        }
    }

    @Test
    void theArticleSchemaIsServedInOpenApi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ArticleSubmitted.properties.headline.type", equalTo("string"))
                .body("components.schemas.ArticleSubmitted.properties.authors.type", equalTo("array"))
                .body("paths.'/articles'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ArticleSubmitted"));
    }

    @Test
    void duplicatesAreNotPublishedAgainAndChangedContentIsANewRevision() {
        String u = unique();
        String url = "https://example.org/story/" + u;
        String body = "The council approved the new cycle lanes after a long debate on Tuesday.";
        String first = given().contentType("application/json").body(json(url, "Cycle lanes approved " + u, body))
                .post("/articles").then().statusCode(202).extract().path("id");

        // Same URL (another spelling), same content: duplicate of itself.
        given().contentType("application/json").body(json("HTTPS://EXAMPLE.ORG/story/" + u + "/?utm_medium=social", "Cycle lanes approved " + u, body))
                .post("/articles").then().statusCode(200)
                .body("status", equalTo("duplicate")).body("id", equalTo(first)).body("duplicateOf", equalTo(first));

        // Same normalized content under another URL: duplicate of the first.
        given().contentType("application/json").body(json("https://mirror.example.net/" + u, "  Cycle lanes approved " + u + " ", body))
                .post("/articles").then().statusCode(200)
                .body("status", equalTo("duplicate")).body("duplicateOf", equalTo(first));

        // Changed article at the same URL: revision 2, published.
        given().contentType("application/json").body(json(url, "Cycle lanes approved " + u, body + " Work starts in March."))
                .post("/articles").then().statusCode(202)
                .body("status", equalTo("accepted")).body("id", equalTo(first)).body("revision", equalTo(2));

        var records = kafka.await(Topics.INGESTED, r -> first.equals(r.key()), 3, Duration.ofSeconds(5));
        assertEquals(2, records.size(), "first version and revision 2, nothing for the duplicates");
        assertEquals(2, EventJson.fromBytes(records.get(1).value(), ArticleIngested.class).revision());
    }

    @Test
    void duplicatesAndRevisionsWithinOneBatchAreClaimedInOrder() {
        String u = unique();
        String url = "https://example.org/batch/" + u;
        String body = "The ferry timetable changes on Sunday, with two more crossings each weekday.";
        String ndjson = String.join("\n",
                json(url, "Ferry timetable changes " + u, body),
                json(url, "Ferry timetable changes " + u, body + " Fares stay the same."),
                json("https://mirror.example.net/" + u, "Ferry timetable changes " + u, body),
                json(url, "Ferry timetable changes " + u, body));
        var response = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/articles").then().statusCode(202)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(2)).extract().jsonPath();
        String id = response.getString("items[0].id");
        assertEquals(List.of("accepted", "accepted", "duplicate", "duplicate"), response.getList("items.status"));
        assertEquals(List.of(1, 2), List.of(response.getInt("items[0].revision"), response.getInt("items[1].revision")));
        assertEquals(id, response.getString("items[2].duplicateOf"), "the first content belongs to the first revision");
        assertEquals(id, response.getString("items[3].duplicateOf"));

        var records = kafka.await(Topics.INGESTED, r -> id.equals(r.key()), 3, Duration.ofSeconds(5));
        assertEquals(2, records.size(), "two revisions, nothing for the duplicates");
    }

    @Test
    void concurrentRequestsWithTheSameArticlesPublishEachOnce() throws Exception {
        String u = unique();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            ndjson.append(json("https://example.org/race/" + u + "/" + i, "Race " + u + " item " + i,
                    "Two requests carry this article number " + i + " at the same moment.")).append('\n');
        }
        var executor = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> calls = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                calls.add(executor.submit(() -> given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                        .post("/articles").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(202)))
                        .extract().jsonPath().getList("items.status", String.class)));
            }
            int[] accepted = new int[20];
            for (var call : calls) {
                List<String> statuses = call.get();
                for (int i = 0; i < 20; i++) {
                    accepted[i] += "accepted".equals(statuses.get(i)) ? 1 : 0;
                    assertTrue(List.of("accepted", "duplicate").contains(statuses.get(i)), statuses.get(i));
                }
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(1, accepted[i], "article " + i + " is accepted by exactly one request");
            }
        } finally {
            executor.shutdownNow();
        }
        var records = kafka.await(Topics.INGESTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("Race " + u + " item "), 21, Duration.ofSeconds(5));
        assertEquals(20, records.size(), "each article published once");
    }

    @Test
    void aBatchLargerThanTheProducersQueueIsAcceptedWhole() {
        String u = unique();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            ndjson.append(json("https://example.org/large/" + u + "/" + i, "Large batch " + u + " item " + i,
                    "One of three thousand short articles sent in a single request.")).append('\n');
        }
        given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(202).body("accepted", equalTo(3000));
    }

    @jakarta.inject.Inject
    RequestMemoryBudget memory;

    @Test
    void whileTheRequestMemoryBudgetIsTakenARequestIsRefusedWith503AndNothingIsKept() {
        String u = unique();
        String article = json("https://example.org/busy/" + u, "Busy " + u, "The harbour was busy all night with ferries.");
        int all = Integer.MAX_VALUE;
        assertTrue(memory.tryReserve(all));
        try {
            given().contentType("application/json").body(article).post("/articles").then().statusCode(503)
                    .contentType(Problem.MEDIA_TYPE).header("Retry-After", "1");
        } finally {
            memory.release(all);
        }
        given().contentType("application/json").body(article).post("/articles").then().statusCode(202)
                .body("status", equalTo("accepted"));
    }
}
