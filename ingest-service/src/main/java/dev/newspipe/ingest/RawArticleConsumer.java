package dev.newspipe.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.Topics;
import dev.newspipe.ingest.IngestService.Result;
import dev.newspipe.ingest.IngestService.Submission;
import dev.newspipe.messaging.Backoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Kafka intake from {@link Topics#RAW}, processed exactly like HTTP input. A record is acknowledged,
 * and its offset committed, only after its article is in Kafka (or recognised as a duplicate). An
 * invalid article goes to {@link Topics#RAW_DLQ} with the reason; a record that is not an article at
 * all goes there through the poison-record handler. While Kafka or the database is away the record is
 * retried, never dead-lettered.
 */
@ApplicationScoped
public class RawArticleConsumer {

    static final String INTAKE_PATH = "kafka";
    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    IngestService ingest;

    /**
     * Records are ingested concurrently on a bounded pool ({@code smallrye.messaging.worker.raw-ingest.max-concurrency}):
     * one record's work is mostly waiting for PostgreSQL's commit and Kafka's acknowledgement. The connector
     * still commits each partition's offsets in order, only up to the first record not yet acknowledged.
     * Two revisions of one article may reach {@code news.ingested} out of order; their revision numbers,
     * given under the registry's row lock, let the store keep the newest.
     */
    @Incoming(Topics.RAW)
    @Blocking(value = "raw-ingest", ordered = false)
    public CompletionStage<Void> consume(Message<ArticleSubmitted> message) {
        Backoff backoff = new Backoff(Duration.ofMillis(200), MAX_BACKOFF);
        while (true) {
            try {
                Result result = ingest.submit(List.of(Submission.of(message.getPayload())), INTAKE_PATH).get(0);
                if (result.isRejected()) {
                    Problem problem = result.problem();
                    return message.nack(new InvalidArticleException(problem.field(),
                            problem.detail().substring(problem.field().length() + 2), problem.status()));
                }
                return message.ack();
            } catch (IngestService.UnavailableException e) {
                LOG.warnf("cannot ingest from %s now, retrying in %d ms: %s", Topics.RAW, backoff.next().toMillis(), e.getMessage());
                try {
                    backoff.pause();
                } catch (InterruptedException interrupted) {
                    // Shutting down: leave the record unacknowledged; it is redelivered after restart.
                    Thread.currentThread().interrupt();
                    return CompletableFuture.completedFuture(null);
                }
            } catch (RuntimeException e) {
                return message.nack(e);
            }
        }
    }
}
