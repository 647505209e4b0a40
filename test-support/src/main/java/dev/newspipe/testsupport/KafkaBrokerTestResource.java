package dev.newspipe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.newspipe.events.Topics;
import dev.newspipe.localkafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real KRaft broker per test JVM, on free ports, with the pipeline topics, and points the
 * application at it. The broker outlives individual Quarkus restarts between test classes and is
 * stopped, and its data deleted, when the JVM exits.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafkaBroker broker;

    /** The shared broker, started on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            Path dataDir = tempDir("newspipe-kafka-test-");
            broker = LocalKafkaBroker.start(dataDir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort());
            broker.createTopics(Topics.ALL);
            LocalKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dataDir);
            }, "test-kafka-shutdown"));
        }
        return broker.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test class of this JVM; the shutdown hook stops it.
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory left behind is harmless
        }
    }
}
