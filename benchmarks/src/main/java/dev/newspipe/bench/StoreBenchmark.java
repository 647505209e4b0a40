package dev.newspipe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.localkafka.LocalKafkaBroker;
import dev.newspipe.testsupport.PostgresServer;
import dev.newspipe.testsupport.ServiceProcess;

/**
 * store-service alone: a backlog of enriched events is written to {@code news.enriched} first, then the
 * packaged store is started against a fresh database and drains it. The rate counts from the first stored
 * row to the last, so start-up is not in it.
 */
final class StoreBenchmark {

    /** Distinct enrichments; the remaining articles are variants of them with their own id, time and signature. */
    static final int ENRICHED_POOL = 2000;
    private static long wordsInPool;

    /** {@code database}: PostgreSQL's own ceiling for the same rows, measured after the store stopped. */
    record Result(int articles, int words, double seconds, double perSecond, ProcessStats store,
            DatabaseCeiling.Result database) {
    }

    /** Rows re-inserted for the database ceiling: enough for a steady figure, few enough to keep the run short. */
    static final int CEILING_ARTICLES = 20_000;

    static Result run(Path root, Corpus corpus, Function<ArticleIngested, ArticleEnriched> engine, int articles,
            Path workDir) throws Exception {
        List<Keyed> events = events(corpus, engine, articles);
        int averageWords = (int) (wordsInPool / Math.min(articles, ENRICHED_POOL));
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(workDir.resolve("kafka"), LocalKafkaBroker.freePort(),
                LocalKafkaBroker.freePort())) {
            broker.createTopics(Topics.ALL);
            produce(broker.bootstrapServers(), events);
            String database = PostgresServer.createThrowawayDatabase();
            PostgresServer.Settings db = PostgresServer.settings();
            Map<String, String> env = new java.util.HashMap<>(Map.of("NEWS_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                    "NEWS_DB_URL", db.jdbcUrl(database), "NEWS_DB_USER", db.user(), "NEWS_DB_PASSWORD", db.password()));
            // For profiling, e.g. BENCH_SERVICE_JAVA_OPTIONS=-XX:StartFlightRecording=filename=/tmp/store.jfr
            String javaOptions = System.getenv("BENCH_SERVICE_JAVA_OPTIONS");
            if (javaOptions != null) {
                env.put("JAVA_TOOL_OPTIONS", javaOptions);
            }
            Result drained;
            try {
                try (ServiceProcess store = ServiceProcess.start(root, "store-service", LocalKafkaBroker.freePort(), env,
                        workDir.resolve("logs"));
                        Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password())) {
                    store.awaitReady(Duration.ofSeconds(60));
                    long[] first = awaitCount(c, 1, Duration.ofSeconds(60), store);
                    long[] last = awaitCount(c, articles, Duration.ofMinutes(10), store);
                    double seconds = (last[1] - first[1]) / 1e9;
                    double rate = (last[0] - first[0]) / seconds;
                    drained = new Result(articles, averageWords, seconds, rate, ProcessStats.of(store.pid()), null);
                }
                DatabaseCeiling.Result ceiling = DatabaseCeiling.measure(db.jdbcUrl(database), db.user(), db.password(),
                        CEILING_ARTICLES);
                return new Result(drained.articles(), drained.words(), drained.seconds(), drained.perSecond(), drained.store(),
                        ceiling);
            } finally {
                if ("1".equals(System.getenv("BENCH_KEEP_DATABASE"))) {
                    System.out.println("kept database " + database + " (BENCH_KEEP_DATABASE=1)");
                } else {
                    PostgresServer.dropDatabase(database);
                }
            }
        }
    }

    /** Waits until the articles table holds at least {@code count} rows; returns {rows, nanoTime}. */
    private static long[] awaitCount(Connection c, long count, Duration timeout, ServiceProcess store) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long rows;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM articles")) {
                rs.next();
                rows = rs.getLong(1);
            } catch (java.sql.SQLException notMigratedYet) {
                rows = 0;
            }
            long now = System.nanoTime();
            if (rows >= count) {
                return new long[] {rows, now};
            }
            if (now > deadline) {
                throw new IllegalStateException("only " + rows + " of " + count + " rows stored in time:\n" + store.tail());
            }
            Thread.sleep(20);
        }
    }

    /** A record to write: its key (the article id) and value. */
    record Keyed(String key, byte[] value) {
    }

    static List<Keyed> events(Corpus corpus, Function<ArticleIngested, ArticleEnriched> engine, int articles) {
        List<ArticleEnriched> pool = new ArrayList<>();
        wordsInPool = 0;
        for (int i = 0; i < Math.min(articles, ENRICHED_POOL); i++) {
            ArticleEnriched enriched = engine.apply(corpus.nextIngested(i));
            wordsInPool += enriched.article().body().split("\\s+").length;
            pool.add(enriched);
        }
        Random random = new Random(7);
        List<Keyed> events = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            ArticleEnriched base = pool.get(i % pool.size());
            ArticleEnriched event = i < pool.size() ? base : ArticleVariants.of(base, i, random);
            events.add(new Keyed(event.id(), EventJson.toBytes(event)));
        }
        return events;
    }

    static void produce(String bootstrap, List<Keyed> events) {
        produce(bootstrap, Topics.ENRICHED, events);
    }

    /** Writes the records with acks=all and waits until all are acknowledged. */
    static void produce(String bootstrap, String topic, List<Keyed> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(LocalKafkaBroker.MAX_MESSAGE_BYTES));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Keyed event : events) {
                producer.send(new ProducerRecord<>(topic, event.key(), event.value()));
            }
            producer.flush();
        }
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private StoreBenchmark() {
    }
}
