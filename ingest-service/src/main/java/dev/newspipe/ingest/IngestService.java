package dev.newspipe.ingest;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;

import dev.newspipe.events.ArticleSubmitted;

/** What every intake path does with a submission: validate, normalize, identify, publish. */
@ApplicationScoped
public class IngestService {

    /** The answer per article: {@code duplicateOf} only when the status is {@code duplicate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, String status, String duplicateOf) {
        static Result accepted(String id) {
            return new Result(id, "accepted", null);
        }
    }

    private final ArticleIngestor ingestor;
    private final IngestedEventPublisher publisher;

    @Inject
    public IngestService(IngestConfig config, IngestedEventPublisher publisher) {
        this.ingestor = new ArticleIngestor(config.minBodyLength(), config.maxFutureSkew(), Clock.systemUTC());
        this.publisher = publisher;
    }

    /** Completes with the result once the event is durable in Kafka; fails with {@link InvalidArticleException} on bad input. */
    public CompletionStage<Result> submit(ArticleSubmitted submitted, String intakePath) {
        try {
            var event = ingestor.ingest(submitted, intakePath);
            return publisher.publish(event).thenApply(ignored -> Result.accepted(event.id()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
