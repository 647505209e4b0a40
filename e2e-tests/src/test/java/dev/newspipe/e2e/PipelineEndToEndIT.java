package dev.newspipe.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newspipe.deploy.MetricNames;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.EventType;
import dev.newspipe.events.Topics;
import dev.newspipe.localkafka.LocalKafkaBroker;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresServer;
import dev.newspipe.testsupport.SampleEvents;
import dev.newspipe.testsupport.ServiceProcess;
import dev.newspipe.testsupport.SharedData;

/**
 * The walking skeleton across processes: ingest, enrich and store run from their packaged jars
 * against one real broker and one real PostgreSQL database; an article posted to ingest comes back
 * enriched from store, and every event the services wrote validates against its published schema.
 */
class PipelineEndToEndIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final Path LOGS = Path.of("target/e2e-logs").toAbsolutePath();
    static Path root;
    static String database;
    static KafkaTestClient kafka;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess ingest;
    static ServiceProcess store;
    static Map<String, String> env;

    @BeforeAll
    static void startPipeline() throws Exception {
        root = Path.of(System.getProperty("newspipe.root", "..")).toAbsolutePath().normalize();
        String bootstrap = KafkaBrokerTestResource.bootstrapServers();
        kafka = new KafkaTestClient(bootstrap);
        database = PostgresServer.createThrowawayDatabase();
        PostgresServer.Settings db = PostgresServer.settings();
        env = Map.of(
                "NEWS_KAFKA_BOOTSTRAP", bootstrap,
                "NEWS_DB_URL", db.jdbcUrl(database),
                "NEWS_DB_USER", db.user(),
                "NEWS_DB_PASSWORD", db.password(),
                "NEWS_INGEST_FEEDS_ALLOWED_PRIVATE_HOSTS", "127.0.0.1");
        for (String name : List.of("store-service", "enrich-service", "ingest-service")) {
            services.add(ServiceProcess.start(root, name, LocalKafkaBroker.freePort(), env, LOGS));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(WAIT);
        }
        store = services.get(0);
        ingest = services.get(2);
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        List<String> failures = new ArrayList<>();
        for (ServiceProcess service : services) {
            try {
                service.close();
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            }
        }
        if (database != null) {
            PostgresServer.dropDatabase(database);
        }
        assertEquals(List.of(), failures, "every service stops on SIGTERM");
    }

    static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitStored(String id) {
        JsonNode[] stored = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(store.url("/articles/" + id))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "stored article " + id);
            stored[0] = JSON.readTree(response.body());
        });
        return stored[0];
    }

    /** Posts a scraped page and returns the ids of its stories, in page order, once all are stored. */
    static List<String> postPage(Path page) throws Exception {
        var accepted = post(ingest.url("/articles"), "text/plain", Files.readString(page));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode body = JSON.readTree(accepted.body());
        List<String> ids = new ArrayList<>();
        if (body.has("items")) {
            body.get("items").forEach(item -> ids.add(item.get("id").asText()));
        } else {
            ids.add(body.get("id").asText());
        }
        ids.forEach(PipelineEndToEndIT::awaitStored);
        return ids;
    }

    static String get(String url) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    /**
     * The seed pages through the whole pipeline: 000 and the first story of 004 (the same week's drone
     * news) share a story, the Cambodia story of 004 shares none, 001 (ten months later) is related to 000.
     * Stories form in arrival order, so the pages go in one at a time, in the order the issue tells them.
     */
    @Test
    void seedPagesFormStoriesAndRelatedCoverage() throws Exception {
        Path seeds = SharedData.find("samples/seeds").orElse(null);
        Assumptions.assumeTrue(seeds != null, "../shared/samples/seeds is not beside the project");
        String drones = postPage(seeds.resolve("000_2cd4446a17d5b787.txt")).get(0);
        List<String> page004 = postPage(seeds.resolve("004_b1ea71941a29e430.txt"));
        assertEquals(2, page004.size(), "004 holds two stories");
        String later = postPage(seeds.resolve("001_27e5698ddb6edb56.txt")).get(0);

        String story = awaitStored(drones).get("storyId").asText();
        assertEquals(story, awaitStored(page004.get(0)).get("storyId").asText(), "000 and the first story of 004");
        String cambodia = awaitStored(page004.get(1)).get("storyId").asText();
        String laterStory = awaitStored(later).get("storyId").asText();
        assertFalse(List.of(story, laterStory).contains(cambodia), "the Cambodia story shares no story");
        assertNotEquals(story, laterStory, "ten months later is another story");

        JsonNode related = JSON.readTree(get(store.url("/articles/" + drones + "/related")));
        List<String> relatedIds = new ArrayList<>();
        related.forEach(r -> relatedIds.add(r.get("id").asText()));
        assertTrue(relatedIds.contains(later), "001 ranks among the related articles of 000: " + related);
        assertEquals(page004.get(0), related.get(0).get("id").asText(), "the same story comes first: " + related);
        assertTrue(related.get(0).get("sameStory").asBoolean());
        int cambodiaRank = relatedIds.indexOf(page004.get(1));
        assertTrue(cambodiaRank < 0 || cambodiaRank > relatedIds.indexOf(later), "Cambodia below 001: " + related);
    }

    @Test
    void postedArticleComesBackEnrichedFromStoreAndEveryEventValidates() throws Exception {
        String text = Files.readString(root.resolve("deploy/local/samples/01-drone-strikes.txt"));
        var accepted = post(ingest.url("/articles"), "text/plain", text);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("id").asText();

        JsonNode article = awaitStored(id);
        assertEquals(text.lines().findFirst().orElseThrow(), article.get("headline").asText());
        List<String> entityIds = new ArrayList<>();
        article.get("entities").forEach(e -> entityIds.add(e.get("id").asText()));
        assertTrue(entityIds.containsAll(List.of("Q1899", "Q212", "Q159", "Q30")), entityIds.toString());
        List<String> topics = new ArrayList<>();
        article.get("topics").forEach(t -> topics.add(t.get("code").asText()));
        assertTrue(topics.containsAll(List.of("medtop:16000000", "medtop:11000000")), "conflict and politics: " + topics);
        assertFalse(article.get("enrichmentVersion").asText().isEmpty());

        var ingested = kafka.awaitKey(Topics.INGESTED, id, WAIT);
        assertEquals(1, ingested.size());
        KafkaTestClient.assertValidEvent(ingested.get(0), EventType.INGESTED);
        var enriched = kafka.awaitKey(Topics.ENRICHED, id, WAIT);
        assertEquals(1, enriched.size());
        KafkaTestClient.assertValidEvent(enriched.get(0), EventType.ENRICHED);
    }

    @Test
    void feedSubscriptionsSurviveARestartOfIngest() throws Exception {
        String feedUrl = "http://127.0.0.1:" + LocalKafkaBroker.freePort() + "/nothing-listens-here.xml";
        var created = post(ingest.url("/feeds"), "application/json", "{\"url\": \"" + feedUrl + "\", \"intervalSeconds\": 600}");
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();

        int index = services.indexOf(ingest);
        ingest.close();   // SIGTERM, as deploy/local/down sends it
        ingest = ServiceProcess.start(root, "ingest-service", ingest.port, env, LOGS);
        services.set(index, ingest);
        ingest.awaitReady(WAIT);

        var feeds = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/feeds/" + id))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, feeds.statusCode(), feeds.body());
        assertEquals(feedUrl, JSON.readTree(feeds.body()).get("url").asText());
    }

    @Test
    void jsonOverHttpAndRecordsOnNewsRawBothReachTheStore() throws Exception {
        var accepted = post(ingest.url("/articles"), "application/json", """
                {"url": "https://example.org/business/port-profit?utm_source=feed",
                 "headline": "Lisbon port operator posts record profit",
                 "body": "<p>The company that runs the main container terminal in Lisbon reported its highest profit.</p>",
                 "source": "Example Business", "publishedAt": "2026-11-20T09:00:00Z", "authors": ["A. Reporter"]}
                """);
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode fromHttp = awaitStored(JSON.readTree(accepted.body()).get("id").asText());
        assertEquals("https://example.org/business/port-profit", fromHttp.get("url").asText());
        assertEquals("2026-11-20T09:00:00Z", fromHttp.get("publishedAt").asText());

        String rawKey = "producer-key-" + System.nanoTime();
        kafka.send(Topics.RAW, rawKey, """
                {"url": "https://example.org/health/measles-%s", "headline": "Measles outbreak reported in three schools",
                 "body": "Health officials confirmed that 41 children caught measles and urged parents to check vaccinations."}
                """.formatted(rawKey));
        var ingested = kafka.await(Topics.INGESTED,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(rawKey), 1, WAIT);
        assertEquals(1, ingested.size());
        JsonNode fromKafka = awaitStored(ingested.get(0).key());
        assertEquals("kafka", fromKafka.get("intakePath").asText());
        assertTrue(fromKafka.get("topics").toString().contains("medtop:07000000"), fromKafka.get("topics").toString());
    }

    /**
     * What the Grafana dashboard and the Prometheus alerts query is what the three running services
     * export, once an article has gone through; each reports its consumer group live.
     */
    @Test
    void theServicesExportEveryMetricTheDashboardAndTheAlertsUse() throws Exception {
        var accepted = post(ingest.url("/articles"), "text/plain",
                "Night trains return to the coast line\nThe rail operator restored the night service on the coast line this week.\n");
        assertEquals(202, accepted.statusCode(), accepted.body());
        awaitStored(JSON.readTree(accepted.body()).get("id").asText());

        Set<String> exported = new TreeSet<>();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            exported.clear();
            for (ServiceProcess service : services) {
                exported.addAll(MetricNames.inExposition(get(service.url("/q/metrics"))));
            }
            Set<String> missing = new TreeSet<>(MetricNames.expectedInScrape(root));
            missing.removeAll(exported);
            assertEquals(Set.of(), missing, "queried by the dashboard or the alerts but exported by no service");
        });
        for (ServiceProcess service : services) {
            JsonNode live = JSON.readTree(get(service.url("/q/health/live")));
            JsonNode progress = null;
            for (JsonNode check : live.get("checks")) {
                if (check.get("name").asText().equals("consumer progress")) {
                    progress = check;
                }
            }
            assertTrue(progress != null && progress.get("status").asText().equals("UP"), service.name + ": " + live);
        }
    }

    /** The prod profile logs JSON lines; a line about an article carries its id and its trace id. */
    @Test
    void logLinesAboutAnArticleCarryItsIdAndTraceId() throws Exception {
        String id = "e2e-log-" + System.nanoTime();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        // No body: enrichment fails and logs a warning about this article before dead-lettering it.
        kafka.send(Topics.INGESTED, id, EventJson.toBytes(SampleEvents.ingested(id, 1, "An article without a body", null)),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertEquals(1, kafka.awaitKey(Topics.INGESTED_DLQ, id, WAIT).size());

        Path enrichLog = services.get(1).log;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode line = null;
            for (String text : Files.readAllLines(enrichLog)) {
                if (text.startsWith("{") && text.contains(id)) {
                    JsonNode candidate = JSON.readTree(text);
                    if (id.equals(candidate.path("mdc").path("articleId").asText())) {
                        line = candidate;
                    }
                }
            }
            assertTrue(line != null, "a JSON log line with mdc.articleId " + id + " in " + enrichLog);
            assertEquals("WARN", line.get("level").asText());
            assertEquals(traceId, line.path("mdc").path("traceId").asText(), line.toString());
        });
    }
}
