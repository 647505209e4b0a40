package dev.newspipe.events;

/**
 * The versioned event types of the pipeline. The CloudEvents {@code ce_type} header carries
 * {@link #ceType()}; the JSON Schema for the payload is published at {@link #schemaResource()}.
 * A breaking change gets a new version (a new constant and schema), never an edit of an old one.
 */
public enum EventType {

    SUBMITTED("news.article.submitted.v1", Topics.RAW),
    INGESTED("news.article.ingested.v1", Topics.INGESTED),
    ENRICHED("news.article.enriched.v1", Topics.ENRICHED);

    private final String ceType;
    private final String topic;

    EventType(String ceType, String topic) {
        this.ceType = ceType;
        this.topic = topic;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    /** Class-path location of the payload's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".schema.json";
    }
}
