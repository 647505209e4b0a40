package dev.newspipe.enrich;

import java.time.Clock;

import jakarta.annotation.PostConstruct;
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
import dev.newspipe.messaging.ArticleLogContext;
import dev.newspipe.messaging.InFlightWork;
import dev.newspipe.messaging.OutgoingEvents;
import dev.newspipe.messaging.StageMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka adapter of the enrich stage. The outgoing message keeps the incoming record's acknowledgement,
 * so the offset on {@link Topics#INGESTED} is committed only after the enriched event is written. An
 * article that makes enrichment throw is nacked and goes to {@link Topics#INGESTED_DLQ} with the reason.
 */
@ApplicationScoped
public class EnrichmentProcessor {

    static final String SERVICE = "enrich-service";
    static final String STAGE = "enrich";
    private static final Logger LOG = Logger.getLogger(EnrichmentProcessor.class);

    private final ArticleEnricher enricher = new ArticleEnricher(Clock.systemUTC());

    @Inject
    EnrichDrain drain;

    @Inject
    MeterRegistry registry;

    private StageMetrics metrics;

    @PostConstruct
    void registerMetrics() {
        metrics = new StageMetrics(registry, STAGE);
    }

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
        metrics.received(1);
        // The outgoing event carries this ack: it runs once the enriched event is written.
        Message<ArticleIngested> ingested = received
                .withAck(() -> {
                    metrics.emitted(1);
                    return received.ack().whenComplete((done, error) -> inFlight.finished());
                })
                .withNack(reason -> received.nack(reason).whenComplete((done, error) -> inFlight.finished()));
        ArticleIngested article = ingested.getPayload();
        ArticleEnriched enriched;
        long start = System.nanoTime();
        try {
            enriched = enricher.enrich(article);
        } catch (RuntimeException e) {
            // A throwing Message-to-Message processor would terminate the stream: nack this record
            // (to the dead-letter topic) and emit nothing for it instead.
            try (ArticleLogContext logContext = ArticleLogContext.of(article == null ? null : article.id(), received)) {
                LOG.warnf("enrichment of article %s failed, sending it to %s: %s", article == null ? "(unreadable)" : article.id(),
                        Topics.INGESTED_DLQ, e.toString());
            }
            metrics.failed(1, 1);
            ingested.nack(e);
            return null;
        }
        metrics.processed(System.nanoTime() - start);
        String eventId = article.id() + "-r" + article.revision() + "-" + enriched.enrichmentVersion();
        return OutgoingEvents.withEnvelope(ingested.withPayload(enriched), EventType.ENRICHED, article.id(), eventId,
                SERVICE);
    }
}
