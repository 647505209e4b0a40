package dev.newspipe.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.Topics;

/**
 * Kafka intake: articles that external producers write to {@link Topics#RAW}. The record is
 * acknowledged, and its offset committed, only after the ingested event is in Kafka. A record that
 * fails validation is nacked and goes to {@link Topics#RAW_DLQ} with the reason; one that is not an
 * article at all goes there through the poison-record handler.
 */
@ApplicationScoped
public class RawArticleConsumer {

    static final String INTAKE_PATH = "kafka";

    @Inject
    IngestService ingest;

    @Incoming(Topics.RAW)
    public CompletionStage<Void> consume(ArticleSubmitted submitted) {
        return ingest.submit(submitted, INTAKE_PATH).thenApply(result -> null);
    }
}
