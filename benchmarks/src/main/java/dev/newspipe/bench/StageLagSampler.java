package dev.newspipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.newspipe.events.Topics;

/**
 * Samples, once a second during a run, each stage's consumer lag (end offsets minus the group's committed
 * offsets on its input topic) and how busy the machine's CPUs are, so a run shows which stage holds the
 * others back and whether the machine is saturated.
 */
final class StageLagSampler implements AutoCloseable {

    /** Consumer group and input topic of each stage, in pipeline order. */
    static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("ingest-service", Topics.RAW);
        STAGES.put("enrich-service", Topics.INGESTED);
        STAGES.put("store-service", Topics.ENRICHED);
    }

    /** One sample: seconds since start, lag per stage, and the share of CPU time the machine was busy since the last sample. */
    record Sample(double second, Map<String, Long> lag, double cpuBusy) {
    }

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitionsByTopic = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    StageLagSampler(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
        this.thread = new Thread(this::loop, "stage-lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long[] cpu = cpuTicks();
        while (running) {
            try {
                Thread.sleep(1000);
                long[] now = cpuTicks();
                double busy = (now[1] - cpu[1]) == 0 ? 0 : 1.0 - (double) (now[0] - cpu[0]) / (now[1] - cpu[1]);
                cpu = now;
                Map<String, Long> lag = new LinkedHashMap<>();
                for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                    lag.put(stage.getKey(), lag(stage.getKey(), stage.getValue()));
                }
                synchronized (samples) {
                    samples.add(new Sample((System.nanoTime() - start) / 1e9, lag, busy));
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // A broker hiccup loses one sample, not the run.
            }
        }
    }

    private long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition p : partitions(topic)) {
            latest.put(p, OffsetSpec.latest());
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(latest).all()
                .get(5, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** A topic's partitions, asked of the broker once: the sampler should load the measured machine little. */
    private List<TopicPartition> partitions(String topic) throws Exception {
        List<TopicPartition> known = partitionsByTopic.get(topic);
        if (known == null) {
            known = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                    .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            partitionsByTopic.put(topic, known);
        }
        return known;
    }

    /** Idle and total jiffies of all CPUs, from the first line of /proc/stat. */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), total};  // idle + iowait
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * A short summary: mean machine CPU busy share and each stage's mean and peak lag over the run, then a
     * timeline with one line every {@code every} seconds.
     */
    String report(int every) {
        List<Sample> all = samples();
        if (all.isEmpty()) {
            return "no lag samples";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "machine CPU busy %.0f%% on average;", 100 * all.stream().mapToDouble(Sample::cpuBusy)
                .average().orElse(0)));
        for (String stage : STAGES.keySet()) {
            out.append(String.format(Locale.ROOT, " %s lag mean %,.0f, peak %,d;", stage.replace("-service", ""),
                    all.stream().mapToLong(s -> s.lag().get(stage)).average().orElse(0),
                    all.stream().mapToLong(s -> s.lag().get(stage)).max().orElse(0)));
        }
        out.append("\n  second  cpu%  ").append(STAGES.keySet().stream().map(s -> String.format(Locale.ROOT, "%10s",
                s.replace("-service", ""))).collect(Collectors.joining(" ")));
        for (int i = 0; i < all.size(); i += every) {
            Sample s = all.get(i);
            out.append(String.format(Locale.ROOT, "\n  %6.0f  %4.0f  ", s.second(), 100 * s.cpuBusy()))
                    .append(STAGES.keySet().stream().map(k -> String.format(Locale.ROOT, "%,10d", s.lag().get(k)))
                            .collect(Collectors.joining(" ")));
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
        admin.close();
    }
}
