package dev.newspipe.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.messaging.DatabaseErrors;
import dev.newspipe.events.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Kafka adapter of the store stage. A record is acknowledged, so its offset can be committed, only
 * after its row is committed in PostgreSQL. While the database is unreachable the write is retried
 * with backoff and consumption waits; only a record the database refuses as data goes to
 * {@link Topics#ENRICHED_DLQ}.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    ArticleRepository repository;

    @Incoming(Topics.ENRICHED)
    @Blocking
    public CompletionStage<Void> store(Message<ArticleEnriched> message) {
        try {
            storeWithRetry(message.getPayload());
            return message.ack();
        } catch (InterruptedException e) {
            // Shutting down: neither ack nor dead-letter; the uncommitted record is redelivered later.
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(null);
        } catch (SQLException | RuntimeException e) {
            return message.nack(e);
        }
    }

    private void storeWithRetry(ArticleEnriched event) throws SQLException, InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                repository.upsert(event);
                return;
            } catch (SQLException e) {
                if (!DatabaseErrors.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("database unavailable while storing article %s, retrying in %d ms: %s", event.id(),
                        backoff.toMillis(), e.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
