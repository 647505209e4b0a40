package dev.newspipe.store.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The status page against the real broker and database: records on news.raw with the ingest group's
 * offsets committed three short of the end, a dead letter with its reason, an enriched article that store
 * stores; then the figures in /status.json, and the page as headless Chromium renders it.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StatusPageTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String INGEST_GROUP = "ingest-service";   // news.status.groups.ingest; no ingest runs in this test
    static final String REASON = "status test: not a news.article.submitted.v1 event " + SampleEvents.newId();
    static final String TITLE = "Status page tram line " + SampleEvents.newId().substring(0, 8);

    static boolean prepared;

    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    @TestHTTPResource("/status")
    URL page;

    /** Puts the records on the topics once for the class; both tests check what they show. */
    synchronized void prepare() throws Exception {
        if (prepared) {
            return;
        }
        // A sample from before the records, so that the rate window covers all of them.
        await().atMost(WAIT).untilAsserted(() -> given().get("/status.json").then().body("kafka.reachable", equalTo(true)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBrokerTestResource.bootstrapServers()));
                var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", KafkaBrokerTestResource.bootstrapServers(),
                        "acks", "all"), new StringSerializer(), new StringSerializer())) {
            List<RecordMetadata> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(producer.send(new ProducerRecord<>(Topics.RAW, 0, "raw-" + i, "{\"headline\":\"raw " + i + "\"}"))
                        .get(30, TimeUnit.SECONDS));
            }
            // The ingest group has processed all of news.raw but the last three of these records.
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int p = 0; p < Topics.PIPELINE_PARTITIONS; p++) {
                ends.put(new TopicPartition(Topics.RAW, p), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> committed.put(partition, new OffsetAndMetadata(info.offset())));
            committed.put(new TopicPartition(Topics.RAW, 0), new OffsetAndMetadata(sent.get(2).offset()));
            admin.alterConsumerGroupOffsets(INGEST_GROUP, committed).all().get(30, TimeUnit.SECONDS);
        }
        kafka.send(Topics.RAW_DLQ, "poison-key", "not json".getBytes(StandardCharsets.UTF_8), Map.of(
                "dead-letter-reason", REASON, "dead-letter-topic", Topics.RAW, "dead-letter-partition", "0",
                "dead-letter-offset", "7"));
        String id = SampleEvents.newId();
        kafka.send(Topics.ENRICHED, id, EventJson.toBytes(SampleEvents.enriched(
                SampleEvents.ingested(id, 1, TITLE, "A new tram line opened in Lisbon, the status page says."), "1.0.0")));
        prepared = true;
    }

    /** Waits until /status.json shows everything {@link #prepare} put in. */
    void awaitFigures() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/status.json").then()
                .statusCode(200)
                .body("kafka.reachable", equalTo(true))
                .body("lag.find { it.group == 'ingest-service' && it.topic == 'news.raw' }.lag", equalTo(3))
                .body("deadLetters.find { it.topic == 'news.raw.dlq' }.latest.reason", hasItem(REASON))
                .body("stored.latest.title", hasItem(TITLE)));
    }

    @Test
    void statusJsonShowsThroughputLagDeadLettersAndStoredArticles() throws Exception {
        prepare();
        awaitFigures();
        // The sampler catches up with store's commits in its own time.
        await().atMost(WAIT).untilAsserted(() -> given().get("/status.json").then()
                .body("lag.find { it.group == 'store-service' && it.topic == 'news.enriched' }.lag", equalTo(0)));
        given().get("/status.json").then()
                .statusCode(200)
                .body("ageSeconds", lessThan(10f))
                .body("sampleIntervalSeconds", equalTo(1.0f))
                // Nothing else writes news.raw in these tests: exactly the five records arrived within the window.
                .body("throughput.find { it.stage == 'ingest' }.arriving.count", equalTo(5))
                .body("throughput.find { it.stage == 'ingest' }.arriving.perSecond", org.hamcrest.Matchers.greaterThan(0f))
                .body("throughput.find { it.stage == 'ingest' }.group", equalTo(INGEST_GROUP))
                // The group's first commits, from where it would have started: two records of partition 0.
                .body("throughput.find { it.stage == 'ingest' }.consumed.count", equalTo(2))
                .body("throughput.find { it.stage == 'store' }.arriving.count", greaterThanOrEqualTo(1))
                .body("throughput.find { it.stage == 'store' }.consumed.count", greaterThanOrEqualTo(1))
                .body("throughput.find { it.stage == 'store' }.produced.count", greaterThanOrEqualTo(1))
                .body("lag.find { it.group == 'ingest-service' && it.topic == 'news.raw' }.uncommittedPartitions", equalTo(0))
                .body("lag.find { it.group == 'enrich-service' && it.topic == 'news.ingested' }.lag", equalTo(0))
                .body("deadLetters.find { it.topic == 'news.raw.dlq' }.written", equalTo(1))
                .body("deadLetters.find { it.topic == 'news.raw.dlq' }.retained", equalTo(1))
                .body("deadLetters.find { it.topic == 'news.raw.dlq' }.latest[0].key", equalTo("poison-key"))
                .body("deadLetters.find { it.topic == 'news.raw.dlq' }.latest[0].sourceTopic", equalTo(Topics.RAW))
                .body("deadLetters.find { it.topic == 'news.raw.dlq' }.latest[0].sourceOffset", equalTo("7"))
                .body("stored.available", equalTo(true))
                .body("stored.latest.find { it.title == '" + TITLE + "' }.language", equalTo("en"));
    }

    @Test
    void thePageRenderedByHeadlessChromiumShowsLagDeadLetterReasonAndStoredTitle() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            fail("headless Chromium is needed at " + CHROMIUM + ": install Debian's chromium package (apt-get install -y chromium)");
        }
        prepare();
        awaitFigures();

        Document dom = Jsoup.parse(renderedDom(page.toString()));

        Element lag = dom.selectFirst("#lag tr[data-group=ingest-service][data-topic=news.raw] td.lag");
        assertTrue(lag != null, "no lag row for ingest-service on news.raw in:\n" + dom.select("#lag"));
        assertEquals("3", lag.text());
        List<String> reasons = dom.select("section[data-topic=news.raw.dlq] td.reason").eachText();
        assertTrue(reasons.contains(REASON), "dead-letter reasons shown: " + reasons);
        List<String> titles = dom.select("#stored td.title").eachText();
        assertTrue(titles.contains(TITLE), "stored titles shown: " + titles);
        assertTrue(dom.select("#kafka-unreachable").isEmpty(), "the broker is up, yet the page says: " + dom.select("#banners").text());
    }

    /** The page's DOM after its scripts ran, as headless Chromium dumps it. */
    static String renderedDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("status-page-chromium-");
        Path out = Files.createTempFile("status-page-dom-", ".html");
        Path err = Files.createTempFile("status-page-chromium-", ".log");
        try {
            Process chromium = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--virtual-time-budget=8000", "--dump-dom", url)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                fail("chromium did not finish within 90 s: " + Files.readString(err));
            }
            String dom = Files.readString(out);
            assertTrue(chromium.exitValue() == 0 && !dom.isBlank(),
                    "chromium exited with " + chromium.exitValue() + ": " + Files.readString(err));
            return dom;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
