package dev.newspipe.enrich;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventType;
import dev.newspipe.events.Topics;
import dev.newspipe.messaging.InFlightWork;
import dev.newspipe.messaging.OutgoingEvents;

/**
 * Kafka adapter of the enrich stage. The outgoing message keeps the incoming record's acknowledgement,
 * so the offset on {@link Topics#INGESTED} is committed only after the enriched event is written. An
 * article that makes enrichment throw is nacked and goes to {@link Topics#INGESTED_DLQ} with the reason.
 */
@ApplicationScoped
public class EnrichmentProcessor {

    static final String SERVICE = "enrich-service";
    private static final Logger LOG = Logger.getLogger(EnrichmentProcessor.class);

    private final ArticleEnricher enricher = new ArticleEnricher(Clock.systemUTC());

    @Inject
    EnrichDrain drain;

    /**
     * Enrichment is CPU work: it runs on a worker pool as wide as the machine has cores
     * ({@code smallrye.messaging.worker.enrich.max-concurrency}), not on the event loop. Order between
     * articles does not matter downstream (the store keeps the newest revision and engine version), and
     * offsets are still committed in order, up to the first record not yet written out.
     */
    @Incoming(Topics.INGESTED)
    @Outgoing(Topics.ENRICHED)
    @Blocking(value = "enrich", ordered = false)
    public Message<ArticleEnriched> enrich(Message<ArticleIngested> received) {
        // Counted until acknowledged, so that a stop (EnrichDrain) waits for the write, not just the work.
        InFlightWork inFlight = drain.inFlight;
        inFlight.started();
        Message<ArticleIngested> ingested = received
                .withAck(() -> received.ack().whenComplete((done, error) -> inFlight.finished()))
                .withNack(reason -> received.nack(reason).whenComplete((done, error) -> inFlight.finished()));
        ArticleIngested article = ingested.getPayload();
        ArticleEnriched enriched;
        try {
            enriched = enricher.enrich(article);
        } catch (RuntimeException e) {
            // A throwing Message-to-Message processor would terminate the stream: nack this record
            // (to the dead-letter topic) and emit nothing for it instead.
            LOG.warnf("enrichment of article %s failed, sending it to %s: %s", article.id(), Topics.INGESTED_DLQ, e.toString());
            ingested.nack(e);
            return null;
        }
        String eventId = article.id() + "-r" + article.revision() + "-" + enriched.enrichmentVersion();
        return OutgoingEvents.withEnvelope(ingested.withPayload(enriched), EventType.ENRICHED, article.id(), eventId,
                SERVICE);
    }
}
