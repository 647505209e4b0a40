package dev.newspipe.chaos;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.newspipe.events.Topics;

/** Each stage's committed position and lag on its input topic, read from the broker. */
final class ConsumerProgress implements AutoCloseable {

    /** Consumer group (the service's name) to the topic it consumes. */
    static final Map<String, String> INPUT = Map.of(
            Fault.INGEST, Topics.RAW,
            Fault.ENRICH, Topics.INGESTED,
            Fault.STORE, Topics.ENRICHED);

    /** A stage's committed offsets summed over partitions, and its lag; both -1 when the broker did not answer. */
    record Position(long committed, long lag) {
        static final Position UNKNOWN = new Position(-1, -1);

        boolean known() {
            return committed >= 0;
        }
    }

    private final Admin admin;

    ConsumerProgress(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000));
    }

    Position position(String group) {
        try {
            long sum = 0;
            long lag = 0;
            for (long[] partition : partitions(group)) {
                sum += partition[0];
                lag += partition[1] - partition[0];
            }
            return new Position(sum, lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Position.UNKNOWN;
        } catch (Exception brokerAway) {
            return Position.UNKNOWN;
        }
    }

    /** Per partition of the group's input topic: its committed offset (0 when none) and its end offset. */
    private long[][] partitions(String group) throws Exception {
        String topic = INPUT.get(group);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < Topics.PIPELINE_PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        long[][] partitions = new long[Topics.PIPELINE_PARTITIONS][];
        for (int p = 0; p < partitions.length; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            OffsetAndMetadata at = committed.get(tp);
            partitions[p] = new long[] { at == null ? 0 : at.offset(), ends.get(tp).offset() };
        }
        return partitions;
    }

    /**
     * What the broker says of a group, for a report of a stall: its state, each member's partitions, and per
     * partition the committed offset against the end.
     */
    String describe(String group) {
        StringBuilder out = new StringBuilder(group);
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(5, TimeUnit.SECONDS);
            out.append(": state ").append(description.groupState()).append(", members [");
            StringJoiner members = new StringJoiner("; ");
            for (MemberDescription member : description.members()) {
                members.add(member.clientId() + "@" + member.host() + " " + member.assignment().topicPartitions().stream()
                        .map(TopicPartition::partition).sorted().toList());
            }
            out.append(members).append("]");
            StringJoiner partitions = new StringJoiner(", ", ", committed/end by partition: ", "");
            long[][] offsets = partitions(group);
            for (int p = 0; p < offsets.length; p++) {
                partitions.add(p + ": " + offsets[p][0] + "/" + offsets[p][1]);
            }
            out.append(partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.append(" (the broker did not answer: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    long totalLag(List<String> groups) {
        long total = 0;
        for (String group : groups) {
            Position p = position(group);
            if (!p.known()) {
                return -1;
            }
            total += p.lag();
        }
        return total;
    }

    @Override
    public void close() {
        admin.close();
    }
}
