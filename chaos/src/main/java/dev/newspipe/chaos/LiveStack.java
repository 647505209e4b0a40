package dev.newspipe.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.newspipe.localkafka.LocalKafkaBroker;
import dev.newspipe.testsupport.ServiceProcess;

/**
 * The pipeline the suite runs and hurts: its own PostgreSQL cluster, the broker as a process, and the
 * three packaged services on free ports, each restartable on the same port.
 */
final class LiveStack implements AutoCloseable {

    static final List<String> SERVICES = List.of(Fault.STORE, Fault.ENRICH, Fault.INGEST);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** What SmallRye logs when a consumer stops with records it did not finish (SRMSG18245) or never acknowledged (SRMSG18231). */
    static final Pattern UNCLEAN_STOP = Pattern.compile("(?i)unprocessed messages|SRMSG18245|SRMSG18231");

    final PostgresCluster database;
    final BrokerProcess broker;
    private final Path root;
    private final Path logDir;
    private final Map<String, String> env;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, List<Path>> logs = new LinkedHashMap<>();
    private boolean closed;

    private LiveStack(Path root, Path logDir, PostgresCluster database, BrokerProcess broker) {
        this.root = root;
        this.logDir = logDir;
        this.database = database;
        this.broker = broker;
        this.env = Map.of(
                "NEWS_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "NEWS_DB_URL", database.jdbcUrl(PostgresCluster.DATABASE),
                "NEWS_DB_USER", PostgresCluster.USER,
                "NEWS_DB_PASSWORD", PostgresCluster.PASSWORD,
                // Joins, assignments and revocations (Quarkus keeps the Kafka clients at WARN), so that a
                // stalled stage can be explained from its log.
                "QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_CONSUMER_INTERNALS__LEVEL", "INFO");
    }

    static LiveStack start(Path root, Path work) throws IOException, InterruptedException {
        Path logDir = work.resolve("logs");
        PostgresCluster database = PostgresCluster.create(LocalKafkaBroker.freePort());
        BrokerProcess broker = new BrokerProcess(root, work.resolve("kafka"), logDir, LocalKafkaBroker.freePort(),
                LocalKafkaBroker.freePort());
        LiveStack stack = new LiveStack(root, logDir, database, broker);
        // Ctrl-C or a timeout must not leave services, the broker or the cluster behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("chaos: cleaning up failed: " + e);
            }
        }, "chaos-cleanup"));
        try {
            broker.start(Duration.ofMinutes(2));
            for (String name : SERVICES) {
                stack.ports.put(name, LocalKafkaBroker.freePort());
                stack.launch(name);
            }
            for (String name : SERVICES) {
                stack.running.get(name).awaitReady(READY_TIMEOUT);
            }
            return stack;
        } catch (RuntimeException | IOException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    private void launch(String name) {
        List<Path> incarnations = logs.computeIfAbsent(name, n -> new ArrayList<>());
        Path dir = logDir.resolve(name + "-" + (incarnations.size() + 1));
        ServiceProcess process = ServiceProcess.start(root, name, ports.get(name), env, dir);
        incarnations.add(process.log);
        running.put(name, process);
    }

    ServiceProcess service(String name) {
        return running.get(name);
    }

    void kill(String name) throws InterruptedException {
        running.get(name).kill();
    }

    /**
     * SIGTERM; the service must stop within 30 s and say nothing of unprocessed records.
     *
     * @return what was wrong with the stop, or null when it was clean
     */
    String terminate(String name) throws InterruptedException, IOException {
        ServiceProcess process = running.get(name);
        if (!process.terminate(Duration.ofSeconds(30))) {
            process.kill();
            return name + " did not stop within 30 s of SIGTERM";
        }
        List<String> unclean = Files.readAllLines(process.log).stream().filter(l -> UNCLEAN_STOP.matcher(l).find()).toList();
        return unclean.isEmpty() ? null : name + " stopped with: " + String.join(" | ", unclean);
    }

    /** Starts the service again on its port and waits until it is ready. */
    void restart(String name) throws InterruptedException {
        launch(name);
        running.get(name).awaitReady(READY_TIMEOUT);
    }

    List<Path> logs(String name) {
        return logs.getOrDefault(name, List.of());
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        for (ServiceProcess process : running.values()) {
            if (process.isAlive() && !process.terminate(Duration.ofSeconds(30))) {
                process.kill();
            }
        }
        broker.stop();
        database.close();
    }
}
