package dev.newspipe.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.newspipe.bench.Corpus;
import dev.newspipe.events.Topics;

/**
 * One run of the suite: the live stack, a steady stream with duplicates and poison, the faults, then the
 * drain and the checks. Everything it finds wrong goes into the report's failures.
 */
final class ChaosRun {

    /** What a run sends and injects, and the bound within which the backlog must drain once the faults are over. */
    record Settings(String name, int articles, double perSecond, int words, List<Fault> faults, Duration drainBound,
            long seed) {

        /** The full suite (deploy/local/chaos): 20,000 articles at 50/s, the database down for 60 s. */
        static Settings full() {
            return new Settings("full", 20_000, 50, 200, Fault.fullSuite(Duration.ofSeconds(60)), Duration.ofMinutes(5), 7);
        }

        /** The short suite (CI): 3,000 articles at 40/s, every kind of fault once, the database down for 20 s. */
        static Settings brief() {
            return new Settings("short", 3_000, 40, 200, Fault.shortSuite(Duration.ofSeconds(20)), Duration.ofMinutes(4), 7);
        }

        Duration stream() {
            return Duration.ofMillis((long) (articles * 1000 / perSecond));
        }
    }

    record Report(Settings settings, List<Outcomes.Row> rows, Duration drain, Duration total, Map<String, Long> counters,
            List<String> failures) {

        boolean passed() {
            return failures.isEmpty();
        }

        String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Chaos suite (%s): %,d articles at %.0f/s (half over HTTP, half to news.raw), "
                    + "%,d duplicate submissions, %,d poison records; %d faults.%n%n", settings.name(), counters.get("articles"),
                    settings.perSecond(), counters.get("duplicates sent"), counters.get("poison sent"), settings.faults().size()));
            out.append(Outcomes.markdown(rows)).append('\n');
            out.append(String.format("Drain after the stream and the last recovery: %s (bound %d s). Whole run: %s.%n",
                    drain == null ? "did not drain" : String.format("%.1f s", drain.toMillis() / 1000.0),
                    settings.drainBound().toSeconds(), String.format("%.0f s", total.toMillis() / 1000.0)));
            out.append("Client side: ").append(counters).append('\n');
            out.append(failures.isEmpty() ? "PASSED: nothing lost, nothing stored twice, every poison record dead-lettered, "
                    + "no good record dead-lettered, every service healthy.\n" : "FAILED:\n  - " + String.join("\n  - ", failures) + "\n");
            return out.toString();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Report run(Settings settings, Path root, Path shared, Path work) throws Exception {
        long started = System.nanoTime();
        Corpus corpus = Corpus.load(root, shared, settings.seed(), settings.words());
        List<String> failures = new ArrayList<>();
        try (LiveStack stack = LiveStack.start(root, work);
                ConsumerProgress progress = new ConsumerProgress(stack.broker.bootstrapServers())) {
            System.out.printf("Stack up (logs in %s); streaming %,d articles over %d s%n", work.resolve("logs"),
                    settings.articles(), settings.stream().toSeconds());
            Ledger ledger = new Ledger();
            List<FaultInjector.Injected> injected;
            try (Traffic traffic = new Traffic(ledger, corpus, stack.service(Fault.INGEST).url(""),
                    stack.broker.bootstrapServers())) {
                FaultInjector injector = new FaultInjector(stack, progress, ledger);
                injector.start(Fault.spread(settings.faults(), settings.stream()));
                traffic.start(settings.articles(), settings.perSecond(), settings.seed(), () -> !injector.done());
                injected = injector.await();
                if (!traffic.awaitAcknowledged(settings.stream().plus(Duration.ofMinutes(10)))) {
                    failures.add("not every article was acknowledged within 10 min of the stream's end");
                }
            }
            failures.addAll(ledger.errors());

            long drainStart = ledger.now();
            Duration drain = awaitDrained(stack, progress, ledger.acknowledged.size(), settings.drainBound());
            if (drain == null) {
                failures.add("the backlog did not drain within " + settings.drainBound().toSeconds() + " s");
            }
            System.out.printf("%7.1f s  drain from %.1f s %s%n", ledger.now() / 1000.0, drainStart / 1000.0,
                    drain == null ? "incomplete" : "done");

            Map<String, Integer> storedRows = storedRows(stack);
            Map<String, String> rawDeadLetters = new HashMap<>();
            List<String> otherDeadLetters = new ArrayList<>();
            readDeadLetters(stack.broker.bootstrapServers(), rawDeadLetters, otherDeadLetters);

            for (FaultInjector.Injected f : injected) {
                if (f.problem != null) {
                    failures.add(f.fault.label() + ": " + f.problem);
                }
            }
            if (injected.size() < settings.faults().size()) {
                failures.add("only " + injected.size() + " of " + settings.faults().size() + " faults were injected");
            }
            checkArticles(ledger, storedRows, failures);
            checkDeadLetters(ledger, rawDeadLetters, otherDeadLetters, failures);
            for (String name : LiveStack.SERVICES) {
                String health = health(stack.service(name).url("/q/health"));
                if (health != null) {
                    failures.add(name + " is not healthy after the run: " + health);
                }
            }

            List<Outcomes.FaultTime> times = injected.stream()
                    .map(f -> new Outcomes.FaultTime(f.fault.label(), f.injectedAt, f.recovery())).toList();
            List<Outcomes.Row> rows = Outcomes.tabulate(times, ledger.acknowledged.isEmpty() ? Map.of() : firstSentOfAcknowledged(ledger),
                    storedRows, ledger.poisonSent, rawDeadLetters.keySet());
            Map<String, Long> counters = new java.util.LinkedHashMap<>();
            counters.put("articles", (long) ledger.firstSent.size());
            counters.put("duplicates sent", ledger.duplicatesSent.get());
            counters.put("poison sent", (long) ledger.poisonSent.size());
            counters.put("HTTP requests", ledger.httpRequests.get());
            counters.put("HTTP retries", ledger.httpRetries.get());
            counters.put("news.raw resends", ledger.rawResends.get());
            return new Report(settings, rows, drain, Duration.ofNanos(System.nanoTime() - started), counters, failures);
        }
    }

    private static Map<String, Long> firstSentOfAcknowledged(Ledger ledger) {
        Map<String, Long> out = new HashMap<>();
        for (String url : ledger.acknowledged.keySet()) {
            out.put(url, ledger.firstSent.getOrDefault(url, 0L));
        }
        return out;
    }

    /** Waits until PostgreSQL holds as many articles as were acknowledged and no stage has lag; null when it did not. */
    private static Duration awaitDrained(LiveStack stack, ConsumerProgress progress, int expected, Duration bound)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = stack.database.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
                r.next();
                if (r.getLong(1) >= expected && progress.totalLag(LiveStack.SERVICES) == 0) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (SQLException notYet) {
                // the database may still be starting
            }
            Thread.sleep(500);
        }
        return null;
    }

    private static Map<String, Integer> storedRows(LiveStack stack) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = stack.database.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT url, count(*) FROM articles GROUP BY url")) {
            while (r.next()) {
                rows.put(r.getString(1), r.getInt(2));
            }
        }
        return rows;
    }

    private static void checkArticles(Ledger ledger, Map<String, Integer> storedRows, List<String> failures) {
        List<String> lost = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (String url : ledger.acknowledged.keySet()) {
            int rows = storedRows.getOrDefault(url, 0);
            if (rows == 0) {
                lost.add(url);
            } else if (rows > 1) {
                twice.add(url);
            }
        }
        List<String> unexpected = storedRows.keySet().stream().filter(u -> !ledger.acknowledged.containsKey(u)).toList();
        List<String> unacknowledged = ledger.firstSent.keySet().stream().filter(u -> !ledger.acknowledged.containsKey(u)).toList();
        if (!lost.isEmpty()) {
            failures.add(lost.size() + " acknowledged articles are not in PostgreSQL, e.g. " + sample(lost));
        }
        if (!twice.isEmpty()) {
            failures.add(twice.size() + " articles are stored more than once, e.g. " + sample(twice));
        }
        if (!unexpected.isEmpty()) {
            failures.add(unexpected.size() + " stored articles were never acknowledged (sets differ), e.g. " + sample(unexpected));
        }
        if (!unacknowledged.isEmpty()) {
            failures.add(unacknowledged.size() + " articles sent were never acknowledged, e.g. " + sample(unacknowledged));
        }
    }

    private static void checkDeadLetters(Ledger ledger, Map<String, String> rawDeadLetters, List<String> otherDeadLetters,
            List<String> failures) {
        List<String> missing = new ArrayList<>();
        List<String> reasonless = new ArrayList<>();
        for (String key : ledger.poisonSent.keySet()) {
            if (!ledger.poisonWritten.containsKey(key)) {
                failures.add("poison record " + key + " was never written to " + Topics.RAW);
            } else if (!rawDeadLetters.containsKey(key)) {
                missing.add(key);
            } else if (rawDeadLetters.get(key) == null || rawDeadLetters.get(key).isBlank()) {
                reasonless.add(key);
            }
        }
        if (!missing.isEmpty()) {
            failures.add(missing.size() + " poison records are not in " + Topics.RAW_DLQ + ", e.g. " + sample(missing));
        }
        if (!reasonless.isEmpty()) {
            failures.add(reasonless.size() + " dead letters carry no reason, e.g. " + sample(reasonless));
        }
        List<String> good = new ArrayList<>(otherDeadLetters);
        for (String key : rawDeadLetters.keySet()) {
            if (!ledger.poisonSent.containsKey(key)) {
                good.add(Topics.RAW_DLQ + ":" + key);
            }
        }
        if (!good.isEmpty()) {
            failures.add(good.size() + " good records were dead-lettered, e.g. " + sample(good));
        }
    }

    /** Every dead letter of the run: news.raw.dlq's by key with their reasons, the other topics' as topic:key. */
    private static void readDeadLetters(String bootstrap, Map<String, String> raw, List<String> others) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.RAW_DLQ, Topics.INGESTED_DLQ, Topics.ENRICHED_DLQ)) {
                for (int p = 0; p < Topics.DLQ_PARTITIONS; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> done = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (done.size() < partitions.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(Topics.RAW_DLQ)) {
                        Header reason = record.headers().lastHeader("dead-letter-reason");
                        raw.put(String.valueOf(record.key()), reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
                    } else {
                        others.add(record.topic() + ":" + record.key());
                    }
                }
                for (TopicPartition tp : partitions) {
                    if (consumer.position(tp) >= ends.get(tp)) {
                        done.add(tp);
                    }
                }
            }
        }
    }

    /** Null when {@code url} answers 200 (a health endpoint: UP), otherwise what it answered. */
    static String health(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : response.statusCode() + " " + response.body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String sample(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(5, items.size())));
    }

    private ChaosRun() {
    }
}
