package dev.newspipe.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.messaging.DatabaseErrors;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * What every intake path does with submissions: validate, normalize, identify, de-duplicate, publish.
 * Blocking (JDBC and the wait for Kafka): callers run it on worker threads.
 */
@ApplicationScoped
public class IngestService {

    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    /** The outcome for one submitted article. {@code duplicateOf} only for duplicates, {@code problem} only for rejections. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, String status, String duplicateOf, Integer revision, Problem problem) {
        static Result accepted(ArticleIngested event) {
            return new Result(event.id(), "accepted", null, event.revision(), null);
        }

        static Result duplicate(String id, String originalId) {
            return new Result(id, "duplicate", originalId, null, null);
        }

        static Result rejected(Problem problem) {
            return new Result(null, "rejected", null, null, problem);
        }

        boolean isRejected() {
            return problem != null;
        }
    }

    /**
     * A submission as parsed from the wire; {@code parseError} is set when the item could not even be read,
     * {@code trace} when it came with a trace context of its own (a Kafka record; HTTP uses the request's).
     */
    public record Submission(ArticleSubmitted article, InvalidArticleException parseError, TracingMetadata trace) {
        public static Submission of(ArticleSubmitted article) {
            return new Submission(article, null, null);
        }

        /** An article from a Kafka record: its event continues the record's trace. */
        public static Submission traced(ArticleSubmitted article, TracingMetadata trace) {
            return new Submission(article, null, trace);
        }

        public static Submission unreadable(InvalidArticleException error) {
            return new Submission(null, error, null);
        }
    }

    /** Kafka or PostgreSQL is unavailable: nothing of the request was kept; the caller may retry. */
    public static class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ArticleIngestor ingestor;
    private final IngestConfig config;
    private final IdentityRegistry registry;
    private final IngestedEventPublisher publisher;
    private final IngestMetrics metrics;

    @Inject
    public IngestService(IngestConfig config, IdentityRegistry registry, IngestedEventPublisher publisher,
            IngestMetrics metrics) {
        this.ingestor = new ArticleIngestor(config.minBodyLength(), config.maxFutureSkew(), Clock.systemUTC());
        this.config = config;
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * Ingests the submissions as one unit: returns one result per submission, in order, once every
     * accepted article is durably in Kafka.
     *
     * @throws UnavailableException when the database or the broker is away; then nothing was recorded
     */
    public List<Result> submit(List<Submission> submissions, String intakePath) {
        Result[] results = new Result[submissions.size()];
        List<ArticleIngested> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            String source = submission.article() == null ? null : submission.article().source();
            metrics.received(intakePath, source);
            try {
                if (submission.parseError() != null) {
                    throw submission.parseError();
                }
                ArticleIngested candidate = ingestor.ingest(submission.article(), intakePath);
                requireWithinSizeLimit(candidate);
                candidates.add(candidate);
                candidateIndexes.add(i);
            } catch (InvalidArticleException e) {
                results[i] = Result.rejected(Problem.invalid(e));
                metrics.rejected(intakePath, source);
            }
        }
        List<ArticleIngested> toPublish = new ArrayList<>();
        List<Integer> publishIndexes = new ArrayList<>();
        List<TracingMetadata> traces = new ArrayList<>();
        try (IdentityRegistry.Transaction tx = registry.begin()) {
            List<IdentityRegistry.Claim> claims = tx.claimAll(candidates.stream()
                    .map(c -> new IdentityRegistry.Candidate(c.id(), c.contentHash())).toList());
            for (int k = 0; k < candidates.size(); k++) {
                ArticleIngested candidate = candidates.get(k);
                if (claims.get(k) instanceof IdentityRegistry.Duplicate d) {
                    results[candidateIndexes.get(k)] = Result.duplicate(candidate.id(), d.originalId());
                    metrics.duplicate(intakePath, candidate.source());
                } else {
                    toPublish.add(ArticleIngestor.withRevision(candidate, ((IdentityRegistry.Publish) claims.get(k)).revision()));
                    publishIndexes.add(candidateIndexes.get(k));
                    traces.add(submissions.get(candidateIndexes.get(k)).trace());
                }
            }
            awaitPublished(toPublish, traces);
            tx.commit();
        } catch (SQLException e) {
            if (DatabaseErrors.isTransient(e)) {
                throw new UnavailableException("the de-duplication database is unavailable: " + e.getMessage(), e);
            }
            throw new IllegalStateException("de-duplication failed: " + e.getMessage(), e);
        }
        for (int k = 0; k < toPublish.size(); k++) {
            ArticleIngested event = toPublish.get(k);
            results[publishIndexes.get(k)] = Result.accepted(event);
            metrics.accepted(intakePath, event.source());
        }
        return List.of(results);
    }

    private void requireWithinSizeLimit(ArticleIngested article) {
        long bytes = utf8Length(article.headline()) + utf8Length(article.body());
        if (bytes > config.maxArticleBytes()) {
            throw InvalidArticleException.tooLarge("body", "the article has " + bytes
                    + " bytes of text, more than the limit of " + config.maxArticleBytes());
        }
    }

    private static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void awaitPublished(List<ArticleIngested> events, List<TracingMetadata> traces) {
        if (events.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < acks.length; i++) {
            acks[i] = publisher.publish(events.get(i), traces.get(i)).toCompletableFuture();
        }
        try {
            CompletableFuture.allOf(acks).get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new UnavailableException("Kafka did not accept the articles: " + cause, cause);
        }
    }
}
