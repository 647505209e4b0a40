package dev.newspipe.messaging.kafka;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which consumer group this service's {@link ConsumerProgressMonitor} watches, and how. */
@ConfigMapping(prefix = "news.consumer-progress")
public interface ConsumerProgressConfig {

    /** The stage's name in metrics: ingest, enrich or store. */
    String stage();

    /** The stage's input topic. */
    String topic();

    /** The stage's consumer group. */
    String group();

    @WithDefault("10s")
    Duration sampleInterval();

    /** How long a group may sit still with records waiting before its liveness check fails. */
    @WithDefault("3m")
    Duration stallAfter();

    @WithDefault("3s")
    Duration kafkaTimeout();
}
