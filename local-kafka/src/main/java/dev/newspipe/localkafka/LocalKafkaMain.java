package dev.newspipe.localkafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.newspipe.events.Topics;

/**
 * Runs the local broker as a process for {@code deploy/local/up}: formats storage on first use,
 * starts the broker, creates the pipeline topics, prints one READY line, and shuts down cleanly on
 * SIGTERM.
 *
 * <p>Usage: {@code LocalKafkaMain [--port 9092] [--controller-port 9093] [--data-dir .local/kafka]}
 */
public final class LocalKafkaMain {

    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        int controllerPort = 9093;
        Path dataDir = Path.of(".local", "kafka");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--controller-port" -> controllerPort = Integer.parseInt(require(args[i], value));
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: LocalKafkaMain [--port N] [--controller-port N] [--data-dir DIR]");
                    System.exit(2);
                }
            }
            i++;
        }

        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "local-kafka-shutdown"));
        broker.createTopics(Topics.ALL);
        System.out.println("READY bootstrap.servers=" + broker.bootstrapServers() + " topics=" + Topics.ALL.size());
        stopped.await();
    }

    private static String require(String flag, String value) {
        if (value == null) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private LocalKafkaMain() {
    }
}
