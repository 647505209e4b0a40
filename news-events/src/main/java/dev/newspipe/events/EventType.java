package dev.newspipe.events;

/**
 * The versioned event types of the pipeline. The CloudEvents {@code ce_type} header carries
 * {@link #ceType()}; the JSON Schema for the payload is published at {@link #schemaResource()}.
 * A breaking change gets a new version (a new constant and schema), never an edit of an old one.
 */
public enum EventType {

    SUBMITTED("news.article.submitted.v1", ArticleSubmitted.class, Topics.RAW),
    INGESTED("news.article.ingested.v1", ArticleIngested.class, Topics.INGESTED),
    ENRICHED("news.article.enriched.v1", ArticleEnriched.class, Topics.ENRICHED);

    private final String ceType;
    private final Class<?> payloadClass;
    private final String topic;

    EventType(String ceType, Class<?> payloadClass, String topic) {
        this.ceType = ceType;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    public String ceType() {
        return ceType;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    /** Class-path location of the payload's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".schema.json";
    }

    public static EventType forTopic(String topic) {
        for (EventType type : values()) {
            if (type.topic.equals(topic)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event type is published on topic " + topic);
    }
}
