package dev.newspipe.store.status;

import java.util.List;

import dev.newspipe.events.Topics;

/**
 * One stage of the pipeline as the status page sees it: the consumer group that reads its input topic,
 * where its output goes, and its dead-letter topic.
 *
 * @param output the topic the stage writes, or null for store, which writes rows to PostgreSQL
 */
public record PipelineStage(String name, String group, String input, String output, String deadLetters) {

    public static List<PipelineStage> all(StatusConfig.Groups groups) {
        return List.of(
                new PipelineStage("ingest", groups.ingest(), Topics.RAW, Topics.INGESTED, Topics.RAW_DLQ),
                new PipelineStage("enrich", groups.enrich(), Topics.INGESTED, Topics.ENRICHED, Topics.INGESTED_DLQ),
                new PipelineStage("store", groups.store(), Topics.ENRICHED, null, Topics.ENRICHED_DLQ));
    }
}
