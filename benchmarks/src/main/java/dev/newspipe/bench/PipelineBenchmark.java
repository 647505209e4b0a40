package dev.newspipe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.localkafka.LocalKafkaBroker;
import dev.newspipe.testsupport.PostgresServer;
import dev.newspipe.testsupport.ServiceProcess;

/**
 * Stages run as their packaged services against a broker and database of their own: ingest draining a
 * backlog on {@code news.raw}, enrich draining one on {@code news.ingested}, and the whole pipeline fed on
 * {@code news.raw} at a fixed rate or as fast as it goes, with the latency from {@code ingestedAt} to
 * stored.
 */
final class PipelineBenchmark {

    /** One measured run: throughput, optional latency percentiles (ms), and each process's CPU and memory. */
    record Result(String stage, String load, int articles, double seconds, double perSecond, double[] latencyMs,
            Map<String, ProcessStats> processes, String timeline) {
        Result(String stage, String load, int articles, double seconds, double perSecond, double[] latencyMs,
                Map<String, ProcessStats> processes) {
            this(stage, load, articles, seconds, perSecond, latencyMs, processes, null);
        }
    }

    /** A broker, a throwaway database and the services a run needs; all stopped and dropped on close. */
    static final class Environment implements AutoCloseable {
        final LocalKafkaBroker broker;
        final String database;
        final PostgresServer.Settings db = PostgresServer.settings();
        final Map<String, ServiceProcess> services = new LinkedHashMap<>();
        /** Each service's CPU time when it became ready: start-up is not part of a stage's cost. */
        private final Map<String, ProcessStats> atReady = new LinkedHashMap<>();
        private final Path root;
        private final Path work;

        Environment(Path root, Path work) {
            this.root = root;
            this.work = work;
            this.broker = LocalKafkaBroker.start(work.resolve("kafka"), LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort());
            broker.createTopics(Topics.ALL);
            this.database = PostgresServer.createThrowawayDatabase();
        }

        void start(String... names) throws InterruptedException {
            Map<String, String> env = new HashMap<>(Map.of("NEWS_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                    "NEWS_DB_URL", db.jdbcUrl(database), "NEWS_DB_USER", db.user(), "NEWS_DB_PASSWORD", db.password()));
            String javaOptions = System.getenv("BENCH_SERVICE_JAVA_OPTIONS");
            if (javaOptions != null) {
                env.put("JAVA_TOOL_OPTIONS", javaOptions);
            }
            for (String name : names) {
                services.put(name, ServiceProcess.start(root, name, LocalKafkaBroker.freePort(), env, work.resolve("logs")));
            }
            for (ServiceProcess service : services.values()) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            markBaseline();
        }

        /**
         * Waits until the services are quiet: under 5% of a core together for three seconds in a row (at most
         * a minute). After a warm-up burst the JIT compiler threads are still at work for a while; a service
         * that has been running for hours has long finished, so measuring before would count compilation.
         */
        void awaitQuiet() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            double before = totalCpu();
            int quietSeconds = 0;
            while (quietSeconds < 3 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                double now = totalCpu();
                quietSeconds = now - before < 0.05 ? quietSeconds + 1 : 0;
                before = now;
            }
        }

        private double totalCpu() {
            return services.values().stream().mapToDouble(s -> ProcessStats.of(s.pid()).cpuSeconds()).sum();
        }

        /** From now on, {@link #stats()} counts CPU time from here: after start-up, or after a warm-up. */
        void markBaseline() {
            services.forEach((name, service) -> atReady.put(name, ProcessStats.of(service.pid())));
        }

        Map<String, ProcessStats> stats() {
            Map<String, ProcessStats> out = new LinkedHashMap<>();
            services.forEach((name, service) -> out.put(name, ProcessStats.of(service.pid()).minus(atReady.get(name))));
            return out;
        }

        Connection connect() throws java.sql.SQLException {
            return DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
        }

        @Override
        public void close() throws Exception {
            for (ServiceProcess service : services.values()) {
                try {
                    service.close();
                } catch (IllegalStateException e) {
                    System.err.println(e.getMessage());
                }
            }
            PostgresServer.dropDatabase(database);
            broker.close();
        }
    }

    static List<StoreBenchmark.Keyed> submissions(Corpus corpus, int articles) {
        List<StoreBenchmark.Keyed> records = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            ArticleSubmitted s = corpus.nextSubmission(i);
            records.add(new StoreBenchmark.Keyed(s.url(), EventJson.toBytes(s)));
        }
        return records;
    }

    /** ingest alone: a backlog on news.raw, drained into news.ingested. */
    static Result ingestFromRaw(Path root, Corpus corpus, int articles, int warmup, Path work) throws Exception {
        try (Environment env = new Environment(root, work)) {
            List<StoreBenchmark.Keyed> records = submissions(corpus, warmup + articles);
            return drain(env, "ingest-service", Topics.RAW, Topics.INGESTED, records, warmup, "ingest from `news.raw`");
        }
    }

    /**
     * Starts {@code service}, puts the first {@code warmup} records on {@code input} and waits for their
     * output (JIT compilation done, CPU counted from there), then the rest as a backlog; the rate is that of
     * the rest's output records, from the first one's timestamp to the last's.
     */
    private static Result drain(Environment env, String service, String input, String output, List<StoreBenchmark.Keyed> records,
            int warmup, String stage) throws Exception {
        env.start(service);
        String bootstrap = env.broker.bootstrapServers();
        if (warmup > 0) {
            StoreBenchmark.produce(bootstrap, input, records.subList(0, warmup));
            awaitRecords(bootstrap, output, 0, warmup, Duration.ofMinutes(10));
            env.awaitQuiet();
            env.markBaseline();
        }
        long measuredFrom = System.currentTimeMillis();
        int articles = records.size() - warmup;
        StoreBenchmark.produce(bootstrap, input, records.subList(warmup, records.size()));
        long[] window = awaitRecords(bootstrap, output, measuredFrom, articles, Duration.ofMinutes(10));
        double seconds = (window[1] - window[0]) / 1000.0;
        return new Result(stage, String.format("%,d articles backlog", articles)
                + (warmup > 0 ? String.format(", after a warm-up of %,d", warmup) : ""), articles, seconds,
                (articles - 1) / seconds, null, env.stats());
    }

    /**
     * ingest alone over HTTP: {@code clients} concurrent clients each POST NDJSON batches of {@code batch}
     * articles and wait for the answer (202 once the batch is durably in Kafka) before sending the next.
     * The first {@code warmup} articles go the same way unmeasured.
     */
    static Result ingestOverHttp(Path root, Corpus corpus, int articles, int batch, int clients, int warmup, Path work)
            throws Exception {
        try (Environment env = new Environment(root, work)) {
            List<byte[]> warmupBodies = ndjsonBatches(corpus, 0, warmup, batch);
            List<byte[]> bodies = ndjsonBatches(corpus, warmup, warmup + articles, batch);
            env.start("ingest-service");
            ServiceProcess ingest = env.services.get("ingest-service");
            post(ingest, warmupBodies, clients);
            env.awaitQuiet();
            env.markBaseline();
            long start = System.nanoTime();
            post(ingest, bodies, clients);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result("ingest over HTTP", String.format("%,d articles as NDJSON batches of %d, %d clients", articles,
                    batch, clients) + (warmup > 0 ? String.format(", after a warm-up of %,d", warmup) : ""), articles, seconds,
                    articles / seconds, null, env.stats());
        }
    }

    private static List<byte[]> ndjsonBatches(Corpus corpus, int from, int to, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        for (int start = from; start < to; start += batch) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = start; i < Math.min(to, start + batch); i++) {
                ndjson.append(new String(EventJson.toBytes(corpus.nextSubmission(i)), StandardCharsets.UTF_8)).append('\n');
            }
            bodies.add(ndjson.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** POSTs every body to {@code /articles} from {@code clients} threads; fails unless each is answered 202. */
    private static void post(ServiceProcess ingest, List<byte[]> bodies, int clients) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread client = new Thread(() -> {
                for (int k = next.getAndIncrement(); k < bodies.size(); k = next.getAndIncrement()) {
                    try {
                        var response = http.send(HttpRequest.newBuilder(URI.create(ingest.url("/articles")))
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "http-client-" + t);
            client.start();
            threads.add(client);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " batches failed, first: " + failures.peek());
        }
    }

    /** enrich alone, as the service: a backlog on news.ingested, drained into news.enriched. */
    static Result enrichService(Path root, Corpus corpus, int articles, int warmup, Path work) throws Exception {
        try (Environment env = new Environment(root, work)) {
            List<StoreBenchmark.Keyed> records = new ArrayList<>(warmup + articles);
            for (int i = 0; i < warmup + articles; i++) {
                ArticleIngested a = corpus.nextIngested(i);
                records.add(new StoreBenchmark.Keyed(a.id(), EventJson.toBytes(a)));
            }
            return drain(env, "enrich-service", Topics.INGESTED, Topics.ENRICHED, records, warmup, "enrich service");
        }
    }

    /**
     * The whole pipeline fed on news.raw: at {@code rate} articles/s (0 = a backlog, as fast as it goes).
     * First {@code warmup} other articles go through as a backlog and are stored, so the services' JIT
     * compilation is done before the measured run, as in a long-running deployment; CPU is counted after it.
     * Throughput counts the measured articles' stored rows from the first to the last; latency is
     * stored_at - ingestedAt per measured row.
     */
    static Result endToEnd(Path root, Corpus corpus, int articles, int rate, int warmup, Path work) throws Exception {
        try (Environment env = new Environment(root, work)) {
            List<StoreBenchmark.Keyed> all = submissions(corpus, warmup + articles);
            List<StoreBenchmark.Keyed> warmupRecords = all.subList(0, warmup);
            List<StoreBenchmark.Keyed> records = all.subList(warmup, all.size());
            env.start("store-service", "enrich-service", "ingest-service");
            try (Connection c = env.connect()) {
                if (warmup > 0) {
                    StoreBenchmark.produce(env.broker.bootstrapServers(), Topics.RAW, warmupRecords);
                    awaitRows(c, Timestamp.from(Instant.EPOCH), warmup, Duration.ofMinutes(15));
                    env.awaitQuiet();
                    env.markBaseline();
                }
                Timestamp measuredFrom = Timestamp.from(Instant.now());
                try (StageLagSampler lag = new StageLagSampler(env.broker.bootstrapServers())) {
                    if (rate > 0) {
                        paced(env.broker.bootstrapServers(), records, rate);
                    } else {
                        StoreBenchmark.produce(env.broker.bootstrapServers(), Topics.RAW, records);
                    }
                    long[] window = awaitRows(c, measuredFrom, articles, Duration.ofMinutes(15));
                    double seconds = (window[1] - window[0]) / 1000.0;
                    double[] latency = new double[3];
                    try (PreparedStatement s = c.prepareStatement("SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) "
                            + "WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - ingested_at) * 1000) FROM articles "
                            + "WHERE ingested_at >= ?")) {
                        s.setTimestamp(1, measuredFrom);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            Double[] p = (Double[]) rs.getArray(1).getArray();
                            for (int i = 0; i < 3; i++) {
                                latency[i] = p[i];
                            }
                        }
                    }
                    String load = (rate == 0 ? String.format("%,d articles backlog on `news.raw`, maximum rate", articles)
                            : String.format("%,d articles offered at %d/s on `news.raw`", articles, rate))
                            + (warmup > 0 ? String.format(", after a warm-up of %,d", warmup) : "");
                    return new Result("end to end", load, articles, seconds, (articles - 1) / seconds, latency, env.stats(),
                            lag.report(Math.max(1, (int) seconds / 20)));
                }
            }
        }
    }

    /** Sends at a steady rate: each record at its slot, so bursts don't hide in the average. */
    private static void paced(String bootstrap, List<StoreBenchmark.Keyed> records, int rate) throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                producer.send(new ProducerRecord<>(Topics.RAW, records.get(i).key(), records.get(i).value()));
            }
            producer.flush();
        }
    }

    /**
     * Reads a topic from the beginning until {@code count} records stamped at or after {@code since} (ms)
     * have come; returns their first and last timestamps (ms).
     */
    static long[] awaitRecords(String bootstrap, String topic, long since, int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            int seen = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + count + " records on " + topic + " in time");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.timestamp() >= since) {
                        seen++;
                        first = Math.min(first, r.timestamp());
                        last = Math.max(last, r.timestamp());
                    }
                }
            }
            return new long[] {first, last};
        }
    }

    /**
     * Waits until the articles table holds {@code count} rows ingested at or after {@code since}; returns
     * their first and last stored_at (ms).
     */
    static long[] awaitRows(Connection c, Timestamp since, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*), min(stored_at), max(stored_at) FROM articles WHERE ingested_at >= ?")) {
                s.setTimestamp(1, since);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= count) {
                        return new long[] {rs.getTimestamp(2).getTime(), rs.getTimestamp(3).getTime()};
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + rs.getLong(1) + " of " + count + " articles stored in time");
                    }
                }
            } catch (java.sql.SQLException notMigratedYet) {
                if (System.nanoTime() > deadline) {
                    throw notMigratedYet;
                }
            }
            Thread.sleep(200);
        }
    }

    private PipelineBenchmark() {
    }
}
