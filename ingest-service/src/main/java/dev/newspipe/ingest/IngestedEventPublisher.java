package dev.newspipe.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventType;
import dev.newspipe.events.Topics;
import dev.newspipe.messaging.OutgoingEvents;
import io.smallrye.reactive.messaging.TracingMetadata;

/** Publishes accepted articles to {@link Topics#INGESTED}; completes once the broker has the record (acks=all). */
@ApplicationScoped
public class IngestedEventPublisher {

    static final String SERVICE = "ingest-service";

    // Whole batches are sent at once (a poll's records, an HTTP request's articles): a bounded emitter
    // buffer would fail them. What is in flight is bounded upstream by poll size, worker pool and request limits.
    @Inject
    @Channel(Topics.INGESTED)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<ArticleIngested> emitter;

    /**
     * @param trace the trace the event continues (a Kafka record's), or null: then the current context
     *              (an HTTP request's) is the parent of the producer span
     */
    public CompletionStage<Void> publish(ArticleIngested event, TracingMetadata trace) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        Message<ArticleIngested> message = OutgoingEvents.withEnvelope(OutgoingEvents.completing(event, written),
                EventType.INGESTED, event.id(), event.id() + "-r" + event.revision(), SERVICE);
        emitter.send(trace == null ? message : message.addMetadata(trace));
        return written;
    }
}
