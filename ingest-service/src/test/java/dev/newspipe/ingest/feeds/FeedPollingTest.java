package dev.newspipe.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Feeds served by the test on localhost (allowed in the test profile), polled by the real service. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class FeedPollingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static HttpServer server;
    static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Harbour Gazette</title><link>http://127.0.0.1/</link><description>test</description>
              <item><title>Night ferry returns RUN</title><link>/news/night-ferry-RUN</link>
                <pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate>
                <description>&lt;p&gt;The night ferry to the islands returns to service on Friday after repairs.&lt;/p&gt;</description></item>
              <item><title>Fish market reopens RUN</title><link>/news/fish-market-RUN</link>
                <pubDate>Mon, 02 Nov 2026 09:30:00 GMT</pubDate>
                <description>The renovated fish market opened its doors again with forty traders.</description></item>
            </channel></rss>
            """.replace("RUN", RUN);

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title><id>urn:test:valley</id>
              <updated>2026-11-03T10:00:00Z</updated>
              <entry><title>New bridge opens to cyclists RUN</title><id>urn:test:valley:bridge-RUN</id>
                <link href="https://valley.example.org/bridge-RUN"/><published>2026-11-03T10:00:00Z</published>
                <author><name>C. Writer</name></author>
                <content type="html">&lt;p&gt;Cyclists crossed the new bridge for the first time on Tuesday morning.&lt;/p&gt;</content></entry>
            </feed>
            """.replace("RUN", RUN);

    @BeforeAll
    static void serveFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", exchange -> serve(exchange, "rss", RSS, "application/rss+xml",
                "If-None-Match", "ETag", "\"rss-v1\""));
        server.createContext("/atom", exchange -> serve(exchange, "atom", ATOM, "application/atom+xml",
                "If-Modified-Since", "Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT"));
        server.createContext("/broken", exchange -> {
            requests.computeIfAbsent("broken", k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    /** Serves the document, or 304 when the client sends back the validator it was given. */
    static void serve(HttpExchange exchange, String name, String body, String type, String conditionHeader,
            String validatorHeader, String validator) throws IOException {
        requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        if (validator.equals(exchange.getRequestHeaders().getFirst(conditionHeader))) {
            notModified.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add(validatorHeader, validator);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    String subscribe(String url) {
        return given().contentType("application/json").body(Map.of("url", url, "intervalSeconds", 1))
                .post("/feeds").then().statusCode(201).body("url", equalTo(url)).extract().path("id");
    }

    /** Ingested articles whose JSON contains every one of the markers. */
    List<ArticleIngested> ingestedWith(int expected, Duration wait, String... markers) {
        return kafka.await(Topics.INGESTED, r -> {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(markers).allMatch(json::contains);
        }, expected, wait).stream().map(r -> EventJson.fromBytes(r.value(), ArticleIngested.class)).toList();
    }

    @Test
    void rssEntriesBecomeArticlesAndLaterPollsAreConditional() {
        String id = subscribe(url("/rss"));
        List<ArticleIngested> articles = ingestedWith(2, WAIT, RUN, "Harbour Gazette");
        assertEquals(2, articles.size());
        assertTrue(articles.stream().allMatch(a -> a.intakePath().equals("feed")));
        ArticleIngested ferry = articles.stream().filter(a -> a.headline().startsWith("Night ferry")).findFirst().orElseThrow();
        assertEquals(url("/news/night-ferry-" + RUN), ferry.url());
        assertEquals(Instant.parse("2026-11-02T08:00:00Z"), ferry.publishedAt());
        assertEquals("The night ferry to the islands returns to service on Friday after repairs.", ferry.body());

        await().atMost(WAIT).until(() -> notModified.getOrDefault("rss", new AtomicInteger()).get() >= 1);
        given().get("/feeds/" + id).then().statusCode(200)
                .body("status", equalTo("not-modified"))
                .body("articlesAccepted", equalTo(2))
                .body("consecutiveFailures", equalTo(0));
        given().get("/feeds").then().statusCode(200).body("find { it.id == '" + id + "' }.url", equalTo(url("/rss")));

        given().delete("/feeds/" + id).then().statusCode(204);
        given().get("/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(2, ingestedWith(3, Duration.ofSeconds(3), RUN, "Harbour Gazette").size(), "re-polls publish nothing new");
    }

    @Test
    void atomEntriesUseContentAndIfModifiedSince() {
        String id = subscribe(url("/atom"));
        ArticleIngested bridge = ingestedWith(1, WAIT, "bridge-" + RUN).get(0);
        assertEquals("https://valley.example.org/bridge-" + RUN, bridge.url());
        assertEquals(List.of("C. Writer"), bridge.authors());
        assertEquals("Cyclists crossed the new bridge for the first time on Tuesday morning.", bridge.body());
        await().atMost(WAIT).until(() -> notModified.getOrDefault("atom", new AtomicInteger()).get() >= 1);
        given().delete("/feeds/" + id).then().statusCode(204);
    }

    @Test
    void aFailingFeedShowsItsErrorAndBacksOff() {
        String id = subscribe(url("/broken"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/feeds/" + id).then()
                .body("status", equalTo("error"))
                .body("lastError", containsString("HTTP 500"))
                .body("consecutiveFailures", equalTo(3)));
        var feed = given().get("/feeds/" + id).then().extract();
        Instant polled = Instant.parse(feed.path("lastPolledAt"));
        Instant next = Instant.parse(feed.path("nextPollAt"));
        // Third failure of a 1 s feed: the next try waits 4 s (1, 2, 4 ...), not 1 s.
        assertTrue(Duration.between(polled, next).toMillis() >= 3000, "backoff: " + Duration.between(polled, next));
        given().delete("/feeds/" + id).then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.1.2.3/feed.xml", "http://192.168.0.10/rss", "http://172.16.5.4/atom",
        "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8080/feed", "http://[::1]/feed",
        "http://0.0.0.0/feed", "http://100.64.0.1/feed", "http://[fd00::1]/feed", "http://[::ffff:10.0.0.1]/feed"})
    void internalAddressesAreRefused(String address) {
        given().contentType("application/json").body(Map.of("url", address, "intervalSeconds", 60))
                .post("/feeds").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("url")).body("detail", containsString("public addresses"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/feed", "gopher://example.org/"})
    void otherSchemesAreRefused(String address) {
        given().contentType("application/json").body(Map.of("url", address, "intervalSeconds", 60))
                .post("/feeds").then().statusCode(400).body("field", equalTo("url"))
                .body("detail", containsString("http or https"));
    }

    @Test
    void intervalOutOfRangeIsRefused() {
        given().contentType("application/json").body(Map.of("url", url("/rss"), "intervalSeconds", 0))
                .post("/feeds").then().statusCode(400).body("field", equalTo("intervalSeconds"));
    }
}
