package dev.newspipe.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import dev.newspipe.events.Topics.TopicSpec;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in the
 * current JVM from the {@code kafka_2.13} jars. The local stack runs it as its own process through
 * {@link LocalKafkaMain}; tests start it inside the test JVM.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** Largest record the broker accepts: an article of 1 MiB is carried twice (raw and normalized) plus enrichment. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDir} on first use (kept as it is afterwards, so topics and offsets survive a
     * restart) and starts the broker.
     *
     * @param port           client port on 127.0.0.1
     * @param controllerPort KRaft controller port on 127.0.0.1
     */
    public static LocalKafkaBroker start(Path dataDir, int port, int controllerPort) {
        requireFree(port, "Kafka client");
        requireFree(controllerPort, "Kafka controller");
        try {
            Files.createDirectories(dataDir);
            Properties props = brokerProperties(dataDir, port, controllerPort);
            Path configFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "written by newspipe local-kafka on every start");
            }
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(configFile);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new LocalKafkaBroker(server, "127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with the deploy's partition counts; a typo must not create one.
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        return p;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString(),
            "--ignore-formatted"};
        int status;
        // execute(), unlike main(), returns instead of calling System.exit.
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args, out);
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage failed: " + buffer.toString(StandardCharsets.UTF_8), e);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (" + status + "): "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(what + " port " + port + " is already in use on 127.0.0.1", e);
        }
    }

    /** A port that was free a moment ago, for tests that need a broker on no fixed port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet; waits until the broker has them. */
    public void createTopics(List<TopicSpec> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            List<NewTopic> wanted = new ArrayList<>();
            for (TopicSpec topic : topics) {
                wanted.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
            }
            var results = admin.createTopics(wanted).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not create topics within 60 s", e);
        }
    }

    /** Stops the broker and waits until it has shut down; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
            server.awaitShutdown();
        }
    }
}
