package dev.newspipe.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newspipe.bench.Corpus;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;

/**
 * A steady stream of articles into the pipeline, half over HTTP (NDJSON batches to ingest) and half
 * written to {@code news.raw}, as clients would send them: every article is retried until the pipeline
 * acknowledges it. On top: 10% duplicate submissions (an earlier article again, by either path) and 1%
 * poison records on {@code news.raw}, of four kinds.
 */
final class Traffic implements AutoCloseable {

    static final List<String> POISON_KINDS = List.of("broken-json", "wrong-schema", "oversized", "invalid-utf8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HTTP_CLIENTS = 2;
    private static final int MAX_BATCH = 50;

    /** One record to send: a good article (url set) or a poison record (poisonKey set). */
    private record Item(String url, String poisonKey, byte[] value) {
    }

    private final Ledger ledger;
    private final Corpus corpus;
    private final URI ingestArticles;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final BlockingQueue<Item> httpQueue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Item> rawQueue = new LinkedBlockingQueue<>();
    /** Items queued and not yet acknowledged (or refused for good). */
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean paced;
    private volatile boolean stopped;

    Traffic(Ledger ledger, Corpus corpus, String ingestBaseUrl, String bootstrapServers) {
        this.ledger = ledger;
        this.corpus = corpus;
        this.ingestArticles = URI.create(ingestBaseUrl + "/articles");
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Starts sending good articles at {@code perSecond}, with duplicates and poison on top: at least
     * {@code articles}, and on until {@code keepGoing} turns false, so that every fault meets live traffic.
     */
    void start(int articles, double perSecond, long seed, BooleanSupplier keepGoing) {
        threads.add(thread("chaos-pacer", () -> pace(articles, perSecond, new Random(seed), keepGoing)));
        for (int i = 0; i < HTTP_CLIENTS; i++) {
            threads.add(thread("chaos-http-" + i, this::sendOverHttp));
        }
        threads.add(thread("chaos-raw", this::sendToRaw));
    }

    /** Whether everything was sent and acknowledged (or refused for good); waits up to {@code timeout}. */
    boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (paced && pending.get() == 0) {
                producer.flush();
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void pace(int articles, double perSecond, Random random, BooleanSupplier keepGoing) {
        List<byte[]> sentValues = new ArrayList<>();
        List<String> sentUrls = new ArrayList<>();
        long start = System.nanoTime();
        int poison = 0;
        for (int seq = 0; (seq < articles || keepGoing.getAsBoolean()) && !stopped; seq++) {
            long due = start + (long) (seq * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            }
            ArticleSubmitted base = corpus.nextSubmission(seq);
            // A line of its own makes every body distinct, so content de-duplication never folds two articles.
            ArticleSubmitted article = new ArticleSubmitted(base.url(), base.headline(),
                    base.body() + "\n\nChaos suite item " + seq + ".", base.source(), base.publishedAt(), null, null, null);
            byte[] value = EventJson.toBytes(article);
            ledger.sent(article.url());
            enqueue(seq % 2 == 0 ? httpQueue : rawQueue, new Item(article.url(), null, value));
            sentValues.add(value);
            sentUrls.add(article.url());
            if (seq % 10 == 5) {
                int earlier = random.nextInt(sentUrls.size());
                ledger.duplicatesSent.incrementAndGet();
                enqueue(random.nextBoolean() ? httpQueue : rawQueue, new Item(sentUrls.get(earlier), null, sentValues.get(earlier)));
            }
            if (seq % 100 == 50) {
                String kind = POISON_KINDS.get(poison % POISON_KINDS.size());
                String key = "poison-" + kind + "-" + poison++;
                ledger.poisonSent(key);
                enqueue(rawQueue, new Item(null, key, poisonValue(kind, key)));
            }
        }
        paced = true;
    }

    private void enqueue(BlockingQueue<Item> queue, Item item) {
        pending.incrementAndGet();
        queue.add(item);
    }

    static byte[] poisonValue(String kind, String key) {
        String url = "https://poison.example/" + key;
        switch (kind) {
            case "broken-json":
                return ("{\"url\":\"" + url + "\",\"headline\":\"Cut short").getBytes(StandardCharsets.UTF_8);
            case "wrong-schema":
                return ("{\"url\":42,\"headline\":[\"not\",\"text\"],\"body\":{\"nested\":true}}").getBytes(StandardCharsets.UTF_8);
            case "oversized":
                // Above ingest's 1 MiB article limit, below the broker's record limit.
                return EventJson.toBytes(new ArticleSubmitted(url, "An article far too long",
                        "word ".repeat(260_000), "poison.example", null, null, null, null));
            case "invalid-utf8":
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] head = ("{\"url\":\"" + url + "\",\"headline\":\"Bad bytes ").getBytes(StandardCharsets.UTF_8);
                byte[] tail = "\",\"body\":\"A body that is long enough to be an article, were its headline readable text.\"}"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(head, 0, head.length);
                out.write(0xC3);
                out.write(0x28);   // not a continuation byte: malformed UTF-8
                out.write(tail, 0, tail.length);
                return out.toByteArray();
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** NDJSON batches of whatever is queued (up to 50), each retried until ingest answers 200 or 202. */
    private void sendOverHttp() {
        while (!stopped) {
            List<Item> batch = new ArrayList<>();
            try {
                Item first = httpQueue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                httpQueue.drainTo(batch, MAX_BATCH - 1);
                postUntilAcknowledged(batch);
                pending.addAndGet(-batch.size());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void postUntilAcknowledged(List<Item> batch) throws InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Item item : batch) {
            body.write(item.value(), 0, item.value().length);
            body.write('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(ingestArticles).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long backoff = 250;
        while (!stopped) {
            ledger.httpRequests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 202) {
                    JsonNode items = JSON.readTree(response.body()).get("items");
                    for (int i = 0; i < batch.size(); i++) {
                        String status = items.get(i).path("status").asText();
                        if (status.equals("accepted") || status.equals("duplicate")) {
                            ledger.acknowledged(batch.get(i).url());
                        } else {
                            ledger.error("ingest refused a good article " + batch.get(i).url() + ": " + items.get(i));
                        }
                    }
                    return;
                }
                if (response.statusCode() != 503 && response.statusCode() < 500) {
                    ledger.error("ingest answered " + response.statusCode() + " to a good batch: " + response.body());
                    return;
                }
            } catch (IOException unavailable) {
                // ingest is down or restarting: a client retries
            }
            ledger.httpRetries.incrementAndGet();
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 2_000);
        }
    }

    /** Writes to news.raw; a write the producer gives up on is queued again, as a producing client would retry. */
    private void sendToRaw() {
        while (!stopped) {
            Item item;
            try {
                item = rawQueue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item == null) {
                continue;
            }
            String key = item.url() != null ? item.url() : item.poisonKey();
            try {
                producer.send(new ProducerRecord<>(Topics.RAW, key, item.value()), (metadata, error) -> {
                    if (error == null) {
                        if (item.url() != null) {
                            ledger.acknowledged(item.url());
                        } else {
                            ledger.poisonWritten(item.poisonKey());
                        }
                        pending.decrementAndGet();
                    } else {
                        ledger.rawResends.incrementAndGet();
                        rawQueue.add(item);
                    }
                });
            } catch (RuntimeException e) {
                ledger.rawResends.incrementAndGet();
                rawQueue.add(item);
                sleep(500_000_000L);
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join(5_000);
        }
        producer.close(Duration.ofSeconds(10));
    }
}
