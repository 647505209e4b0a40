package dev.newspipe.localkafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newspipe.events.Topics;

class LocalKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void startsCreatesTopicsCarriesRecordsAndRestartsOnTheSameData() throws Exception {
        int port = LocalKafkaBroker.freePort();
        int controllerPort = LocalKafkaBroker.freePort();
        String key = UUID.randomUUID().toString();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port, controllerPort)) {
            broker.createTopics(Topics.ALL);
            broker.createTopics(Topics.ALL); // idempotent
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                var described = admin.describeTopics(Set.of(Topics.INGESTED)).allTopicNames().get();
                assertEquals(Topics.PIPELINE_PARTITIONS, described.get(Topics.INGESTED).partitions().size());
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.RAW, key, "hello")).get();
            }
        }
        // Same data directory: formatting is skipped and the record is still there.
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port, controllerPort)) {
            List<ConsumerRecord<String, String>> records = readAll(broker.bootstrapServers(), Topics.RAW, 1);
            assertEquals(1, records.size());
            assertEquals(key, records.get(0).key());
        }
    }

    @Test
    void refusesAPortInUse() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> LocalKafkaBroker.start(dataDir, socket.getLocalPort(), LocalKafkaBroker.freePort()));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void brokerJarsMatchTheClientVersionTheQuarkusBomManages() throws Exception {
        var versionFile = new java.util.Properties();
        try (var in = kafka.server.KafkaConfig.class.getClassLoader()
                .getResourceAsStream("kafka/kafka-version.properties")) {
            versionFile.load(in);
        }
        assertEquals(org.apache.kafka.common.utils.AppInfoParser.getVersion(), versionFile.getProperty("version"));
    }

    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var result = new java.util.ArrayList<ConsumerRecord<String, String>>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (result.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(result::add);
            }
            return result;
        }
    }
}
