package dev.newspipe.store.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import dev.newspipe.messaging.kafka.KafkaOffsetsReader;
import dev.newspipe.messaging.kafka.KafkaReading;
import dev.newspipe.store.status.StatusSnapshot.KafkaStatus;
import dev.newspipe.store.status.StatusSnapshot.StoredArticles;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Samples Kafka and the database in the background and keeps the latest {@link StatusSnapshot}. The scheduler
 * only hands the work to one dedicated thread, which owns the Kafka clients and the offset history; a sample
 * still running when the next is due is not doubled. Every request has a timeout, so a slow or absent broker
 * or database delays the next snapshot, never an HTTP request, which only reads the latest one.
 */
@ApplicationScoped
public class StatusSampler {

    private static final Logger LOG = Logger.getLogger(StatusSampler.class);

    @Inject
    StatusConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @Inject
    DataSource dataSource;

    private final ExecutorService samplingThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pipeline-status-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile StatusSnapshot latest = StatusSnapshot.none();

    // Confined to the sampling thread.
    private KafkaOffsetsReader offsetsReader;
    private DeadLetterReader deadLetterReader;
    private OffsetHistory history;
    private Map<TopicPartition, Long> deadLetterEndsRead = Map.of();
    private Map<String, List<DeadLetter>> deadLetterTails = Map.of();
    private Instant lastReachableAt;
    private boolean reachable = true;

    /** The latest snapshot; never blocks. */
    public StatusSnapshot latest() {
        return latest;
    }

    @Scheduled(identity = "pipeline-status", every = "{news.status.sample-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleSoon() {
        if (sampling.compareAndSet(false, true)) {
            try {
                samplingThread.execute(() -> {
                    try {
                        sample();
                    } finally {
                        sampling.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                sampling.set(false);   // shutting down
            }
        }
    }

    private void sample() {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        List<PipelineStage> stages = PipelineStage.all(config.groups());
        if (history == null) {
            history = new OffsetHistory(config.rateWindow());
        }
        KafkaReading reading = null;
        KafkaStatus kafka;
        try {
            if (offsetsReader == null) {
                offsetsReader = new KafkaOffsetsReader(connectionSettings(), "store-status", config.kafkaTimeout());
            }
            reading = offsetsReader.read(topics(stages), groups(stages));
            history.add(OffsetSample.of(reading));
            lastReachableAt = reading.at();
            kafka = new KafkaStatus(true, null, reading.missingTopics(), lastReachableAt);
            if (!reachable) {
                LOG.infof("pipeline status: the Kafka broker answers again");
                reachable = true;
            }
            try {
                readDeadLetters(reading, stages);
            } catch (RuntimeException e) {
                // The offsets were read; only the tails are stale. Read again next time.
                LOG.debugf("pipeline status: dead letters not read: %s", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            String why = unreachable(e);
            kafka = new KafkaStatus(false, why, List.of(), lastReachableAt);
            if (reachable) {
                LOG.warnf("pipeline status: %s", why);
                reachable = false;
            }
        }
        StoredArticles stored = new StoredArticlesReader(dataSource).read(config.rateWindow(), config.storedArticlesShown(),
                config.kafkaTimeout());
        latest = StatusAssembler.assemble(started, (System.nanoTime() - startNanos) / 1_000_000, stages, kafka, reading,
                history, deadLetterTails, stored);
    }

    /** Re-reads the dead-letter tails only when a dead-letter topic's end moved since they were read. */
    private void readDeadLetters(KafkaReading reading, List<PipelineStage> stages) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (PipelineStage stage : stages) {
            reading.partitions(stage.deadLetters()).forEach(p -> ends.put(p, reading.endOffsets().get(p)));
        }
        if (ends.equals(deadLetterEndsRead)) {
            return;
        }
        if (deadLetterReader == null) {
            deadLetterReader = new DeadLetterReader(connectionSettings(), config.kafkaTimeout());
        }
        Map<String, List<DeadLetter>> tails = deadLetterReader.read(ends, reading.earliestOffsets(), config.deadLettersKept(),
                config.kafkaTimeout());
        if (tails != null) {   // else read again next time; the page keeps showing the previous ones
            deadLetterTails = tails;
            deadLetterEndsRead = ends;
        }
    }

    private static List<String> topics(List<PipelineStage> stages) {
        Set<String> topics = new LinkedHashSet<>();
        for (PipelineStage stage : stages) {
            topics.add(stage.input());
            if (stage.output() != null) {
                topics.add(stage.output());
            }
            topics.add(stage.deadLetters());
        }
        return new ArrayList<>(topics);
    }

    private static List<String> groups(List<PipelineStage> stages) {
        return stages.stream().map(PipelineStage::group).distinct().toList();
    }

    private Map<String, Object> connectionSettings() {
        return KafkaOffsetsReader.connectionSettings(kafkaDefaults);
    }

    private String unreachable(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "Kafka broker unreachable: no answer from " + kafkaDefaults.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " within " + config.kafkaTimeout().toMillis() + " ms";
        }
        return "Kafka broker unreachable: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @PreDestroy
    void stop() {
        // The clients belong to the sampling thread: closed there, after a sample in progress ends.
        samplingThread.execute(this::closeClients);
        samplingThread.shutdown();
        try {
            if (!samplingThread.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                samplingThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        if (offsetsReader != null) {
            offsetsReader.close();
        }
        if (deadLetterReader != null) {
            deadLetterReader.close();
        }
    }
}
