package dev.newspipe.ingest;

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
        long start = System.nanoTime();
        Result[] results = new Result[submissions.size()];
        List<Indexed> candidates = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            try {
                if (submission.parseError() != null) {
                    throw submission.parseError();
                }
                ArticleIngested candidate = ingestor.ingest(submission.article(), intakePath);
                requireWithinSizeLimit(candidate);
                candidates.add(new Indexed(i, candidate));
            } catch (InvalidArticleException e) {
                results[i] = Result.rejected(Problem.invalid(e));
            }
        }
        List<Indexed> accepted = candidates.isEmpty() ? List.of() : claimAndPublish(submissions, candidates, results);
        for (Indexed a : accepted) {
            results[a.index()] = Result.accepted(a.event());
        }
        List<Result> outcome = List.of(results);
        // Counted once the outcome is final: an attempt that found Kafka or the database away is retried whole.
        metrics.submitted(intakePath, submissions, outcome, System.nanoTime() - start);
        return outcome;
    }

    /** An article with the position of its submission. */
    private record Indexed(int index, ArticleIngested event) {
    }

    /**
     * Claims the candidates in one transaction, fills in the duplicates' results and publishes the rest;
     * commits only once Kafka has them all.
     */
    private List<Indexed> claimAndPublish(List<Submission> submissions, List<Indexed> candidates, Result[] results) {
        List<Indexed> accepted = new ArrayList<>();
        try (IdentityRegistry.Transaction tx = registry.begin()) {
            List<IdentityRegistry.Claim> claims = tx.claimAll(candidates.stream()
                    .map(c -> new IdentityRegistry.Candidate(c.event().id(), c.event().contentHash())).toList());
            for (int k = 0; k < candidates.size(); k++) {
                Indexed candidate = candidates.get(k);
                if (claims.get(k) instanceof IdentityRegistry.Duplicate d) {
                    results[candidate.index()] = Result.duplicate(candidate.event().id(), d.originalId());
                } else {
                    accepted.add(new Indexed(candidate.index(),
                            ArticleIngestor.withRevision(candidate.event(), ((IdentityRegistry.Publish) claims.get(k)).revision())));
                }
            }
            awaitPublished(accepted.stream().map(a -> publisher.publish(a.event(), submissions.get(a.index()).trace())
                    .toCompletableFuture()).toArray(CompletableFuture[]::new));
            tx.commit();
            return accepted;
        } catch (SQLException e) {
            if (DatabaseErrors.isTransient(e)) {
                throw new UnavailableException("the de-duplication database is unavailable: " + e.getMessage(), e);
            }
            throw new IllegalStateException("de-duplication failed: " + e.getMessage(), e);
        }
    }

    private void requireWithinSizeLimit(ArticleIngested article) {
        long bytes = utf8Length(article.headline()) + utf8Length(article.body());
        if (bytes > config.maxArticleBytes()) {
            throw InvalidArticleException.tooLarge("body", "the article has " + bytes
                    + " bytes of text, more than the limit of " + config.maxArticleBytes());
        }
    }

    /** UTF-8 length without encoding a copy of the text: this runs for every article. */
    private static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;   // getBytes writes a lone surrogate as one '?'
            }
        }
        return bytes;
    }

    private void awaitPublished(CompletableFuture<?>[] acks) {
        if (acks.length == 0) {
            return;
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
