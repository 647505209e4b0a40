package dev.newspipe.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker as a process of its own ({@code LocalKafkaMain}, as deploy/local/up runs it), so that
 * it can be killed with SIGKILL and started again on the same data directory and ports.
 */
final class BrokerProcess {

    /** slf4j-simple's level property for the broker's group coordinator. */
    private static final String GROUP_COORDINATOR_LOG = "org.slf4j.simpleLogger.log.org.apache.kafka.coordinator.group";

    final int port;
    private final int controllerPort;
    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private Process process;
    private int incarnation;
    /** The current incarnation's log. */
    volatile Path log;

    BrokerProcess(Path root, Path dataDir, Path logDir, int port, int controllerPort) {
        this.root = root;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits for its READY line (it has created the pipeline's topics then). */
    void start(Duration timeout) throws IOException, InterruptedException {
        Path jar;
        try (var jars = Files.list(root.resolve("local-kafka/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("local-kafka-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-sources.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("local-kafka is not packaged: run ./mvnw package first"));
        }
        Files.createDirectories(logDir);
        log = logDir.resolve("kafka-" + (++incarnation) + ".log");
        String classpath = jar + File.pathSeparator + root.resolve("local-kafka/target/lib") + File.separator + "*";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The group coordinator's joins, expiries and rebalances, so that a stalled stage can be explained.
        process = new ProcessBuilder(List.of(java, "-Xmx512m", "-D" + GROUP_COORDINATOR_LOG + "=info", "-cp", classpath,
                "dev.newspipe.localkafka.LocalKafkaMain",
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                "--data-dir", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).lines().anyMatch(l -> l.startsWith("READY"))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the broker was not ready within " + timeout + "; see " + log);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the broker survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM: a clean shutdown, at the end of the run. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
