package dev.newspipe.store.status;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the pipeline status page ({@code news.status.*}). */
@ConfigMapping(prefix = "news.status")
public interface StatusConfig {

    /** How often Kafka and the database are sampled; the scheduler reads the same property. */
    Duration sampleInterval();

    /** The span over which throughput is averaged. */
    @WithDefault("60s")
    Duration rateWindow();

    /** The longest one Kafka request of a sample may take before the broker counts as unreachable. */
    @WithDefault("3s")
    Duration kafkaTimeout();

    /** How many of the newest records of each dead-letter topic are read and shown. */
    @WithDefault("5")
    int deadLettersKept();

    /** How many of the last stored articles are shown. */
    @WithDefault("10")
    int storedArticlesShown();

    /** The consumer group of each stage, as configured in that service. */
    Groups groups();

    interface Groups {
        String ingest();

        String enrich();

        String store();
    }
}
