package dev.newspipe.messaging.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads topic partitions, end and earliest offsets, and consumer groups' committed offsets with one Kafka
 * admin client. Every request has the same deadline, so a reading takes at most the timeout; a broker
 * that does not answer in time shows as a {@link TimeoutException}. Used by one thread at a time.
 */
public final class KafkaOffsetsReader implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    /**
     * @param connection the connection settings (bootstrap servers, security): see {@link #connectionSettings}
     * @param clientId what the broker's logs call this client
     */
    public KafkaOffsetsReader(Map<String, Object> connection, String clientId, Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // A broker that is down is retried every sample anyway; the client need not keep trying in between.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        this.admin = Admin.create(config);
        this.timeout = timeout;
    }

    public KafkaReading read(Collection<String> topics, Collection<String> groups)
            throws InterruptedException, ExecutionException, TimeoutException {
        Instant at = Instant.now();
        long deadline = System.nanoTime() + timeout.toNanos();
        int timeoutMs = (int) timeout.toMillis();

        Map<String, KafkaFuture<TopicDescription>> described = admin
                .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs)).topicNameValues();
        Map<String, List<TopicPartition>> partitionsByTopic = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            try {
                List<TopicPartition> partitions = new ArrayList<>();
                for (TopicPartitionInfo p : described.get(topic).get(remaining(deadline), TimeUnit.NANOSECONDS).partitions()) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
                partitionsByTopic.put(topic, partitions);
                all.addAll(partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                missing.add(topic);
            }
        }

        // The three requests go out together and share what is left of the deadline.
        ListOffsetsOptions offsetsOptions = new ListOffsetsOptions().timeoutMs(timeoutMs);
        ListOffsetsResult latest = admin.listOffsets(spec(all, OffsetSpec.latest()), offsetsOptions);
        ListOffsetsResult earliest = admin.listOffsets(spec(all, OffsetSpec.earliest()), offsetsOptions);
        Map<String, ListConsumerGroupOffsetsSpec> groupSpecs = new LinkedHashMap<>();
        for (String group : groups) {
            groupSpecs.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(all));
        }
        ListConsumerGroupOffsetsResult committed = admin.listConsumerGroupOffsets(groupSpecs,
                new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs));

        Map<TopicPartition, Long> endOffsets = offsets(latest.all().get(remaining(deadline), TimeUnit.NANOSECONDS));
        Map<TopicPartition, Long> earliestOffsets = offsets(earliest.all().get(remaining(deadline), TimeUnit.NANOSECONDS));
        Map<String, Map<TopicPartition, Long>> committedByGroup = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.partitionsToOffsetAndMetadata(group)
                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
            // Partitions the group never committed on come back with null.
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    positions.put(partition, offset.offset());
                }
            });
            committedByGroup.put(group, positions);
        }
        return new KafkaReading(at, partitionsByTopic, missing, endOffsets, earliestOffsets, committedByGroup);
    }

    /**
     * The connection part of an application's Kafka settings (bootstrap servers, security), without the
     * producer and consumer settings its messaging channels use.
     *
     * @param kafkaDefaults the application's {@code kafka.*} settings (Quarkus' "default-kafka-broker" map)
     */
    public static Map<String, Object> connectionSettings(Map<String, Object> kafkaDefaults) {
        Set<String> adminNames = AdminClientConfig.configNames();
        Map<String, Object> settings = new HashMap<>();
        kafkaDefaults.forEach((name, value) -> {
            if (adminNames.contains(name) && !name.equals(AdminClientConfig.CLIENT_ID_CONFIG)) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    private static Map<TopicPartition, OffsetSpec> spec(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return request;
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
