package dev.newspipe.messaging.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads this service's consumer group's lag on its input topic from Kafka (AdminClient) in the
 * background. It exports it as {@code news_consumer_lag_records{stage, topic}}, exports
 * {@code news_consumer_stalled{stage, topic}} (1 while stuck) and tells {@link StuckConsumerCheck} whether
 * the group is stuck ({@link ProgressWatch}). The lag is the
 * committed one, so it counts records whose work is durable, as the rest of the pipeline does.
 */
@ApplicationScoped
public class ConsumerProgressMonitor {

    public static final String LAG = "news.consumer.lag.records";
    public static final String STALLED = "news.consumer.stalled";
    private static final Logger LOG = Logger.getLogger(ConsumerProgressMonitor.class);

    /** What the last reading said, judged now; {@code lag} is -1 while none could be taken. */
    public record Progress(String group, String topic, long lag, Instant progressSeen, boolean stalled, String problem) {
    }

    /** The last reading: the lag (-1 when Kafka could not be read) or why it could not. */
    private record Reading(long lag, String problem) {
    }

    private static final Reading NOT_READ_YET = new Reading(-1, "not read yet");

    @Inject
    ConsumerProgressConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @Inject
    MeterRegistry registry;

    private ProgressWatch watch;
    private ScheduledExecutorService samplingThread;
    private KafkaOffsetsReader reader;
    private volatile Reading last;

    void start(@Observes StartupEvent started) {
        watch = new ProgressWatch(config.stallAfter());
        last = NOT_READ_YET;
        Gauge.builder(LAG, this, monitor -> monitor.last.lag() < 0 ? Double.NaN : monitor.last.lag())
                .tags("stage", config.stage(), "topic", config.topic())
                .description("Records on the stage's input topic that its consumer group has not committed yet")
                .register(registry);
        Gauge.builder(STALLED, this, monitor -> monitor.watch.stalled(Instant.now()) ? 1 : 0)
                .tags("stage", config.stage(), "topic", config.topic())
                .description("1 while the group has had records waiting and has not moved for stall-after (liveness is down)")
                .register(registry);
        samplingThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consumer-progress");
            t.setDaemon(true);
            return t;
        });
        long interval = config.sampleInterval().toMillis();
        samplingThread.scheduleWithFixedDelay(this::sample, Math.min(interval, 1000), interval, TimeUnit.MILLISECONDS);
    }

    /** Null before the service has started. */
    public Progress progress() {
        Reading reading = last;
        // Stalled is judged now, not at the last reading: a sampler that stopped reading must not freeze it.
        return reading == null ? null : new Progress(config.group(), config.topic(), reading.lag(), watch.progressSeen(),
                watch.stalled(Instant.now()), reading.problem());
    }

    private void sample() {
        Instant at = Instant.now();
        try {
            if (reader == null) {
                reader = new KafkaOffsetsReader(KafkaOffsetsReader.connectionSettings(kafkaDefaults),
                        config.group() + "-progress", config.kafkaTimeout());
            }
            KafkaReading reading = reader.read(List.of(config.topic()), List.of(config.group()));
            long lag = reading.lag(config.group(), config.topic()).lag();
            watch.observe(at, reading.written(config.topic()) - lag, lag);
            last = new Reading(lag, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            watch.unknown(at);
            String problem = "cannot read offsets from Kafka: " + e;
            // Once per outage, not at every reading.
            if (last.problem() == null || last == NOT_READ_YET) {
                LOG.warnf("consumer progress of %s: %s", config.group(), problem);
            }
            last = new Reading(-1, problem);
        }
    }

    @PreDestroy
    void stop() {
        if (samplingThread == null) {
            return;
        }
        // The client belongs to the sampling thread: closed there, after a reading in progress ends.
        samplingThread.execute(() -> {
            if (reader != null) {
                reader.close();
            }
        });
        samplingThread.shutdown();
        try {
            if (!samplingThread.awaitTermination(5, TimeUnit.SECONDS)) {
                samplingThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
