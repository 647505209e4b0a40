package dev.newspipe.store;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.ChannelRegistry;

import dev.newspipe.events.Topics;
import dev.newspipe.messaging.InFlightWork;

/**
 * A clean stop: before the Kafka connector closes (it observes the same event at priority 50), stop
 * taking from {@link Topics#ENRICHED} and finish what was taken (see {@link InFlightWork}).
 */
@ApplicationScoped
public class StoreDrain {

    final InFlightWork inFlight = new InFlightWork();

    @Inject
    ChannelRegistry channels;

    void drain(@Observes @Priority(10) @BeforeDestroyed(ApplicationScoped.class) Object event) throws InterruptedException {
        inFlight.pauseAndDrain(channels, Topics.ENRICHED);
    }
}
