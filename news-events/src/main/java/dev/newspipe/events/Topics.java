package dev.newspipe.events;

import java.util.List;

/**
 * Kafka topic names. Each name is also the SmallRye channel name, so code, configuration and tests
 * share these constants. Partition counts are the ones every deployment creates: they bound how many
 * consumers of one stage can work in parallel.
 */
public final class Topics {

    /** Raw articles written by external producers; consumed by ingest. */
    public static final String RAW = "news.raw";
    /** Normalized, de-duplicated articles; produced by ingest, consumed by enrich. */
    public static final String INGESTED = "news.ingested";
    /** Enriched articles; produced by enrich, consumed by store and downstream subscribers. */
    public static final String ENRICHED = "news.enriched";

    public static final String RAW_DLQ = RAW + ".dlq";
    public static final String INGESTED_DLQ = INGESTED + ".dlq";
    public static final String ENRICHED_DLQ = ENRICHED + ".dlq";

    public static final int PIPELINE_PARTITIONS = 6;
    public static final int DLQ_PARTITIONS = 1;

    /** A topic as deployments create it. */
    public record TopicSpec(String name, int partitions) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(RAW, PIPELINE_PARTITIONS),
            new TopicSpec(INGESTED, PIPELINE_PARTITIONS),
            new TopicSpec(ENRICHED, PIPELINE_PARTITIONS),
            new TopicSpec(RAW_DLQ, DLQ_PARTITIONS),
            new TopicSpec(INGESTED_DLQ, DLQ_PARTITIONS),
            new TopicSpec(ENRICHED_DLQ, DLQ_PARTITIONS));

    private Topics() {
    }
}
