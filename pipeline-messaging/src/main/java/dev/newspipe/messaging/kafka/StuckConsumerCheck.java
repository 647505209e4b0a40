package dev.newspipe.messaging.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: down when this service's consumer group has had records waiting and has not moved for
 * {@code news.consumer-progress.stall-after}. A restart is what frees a consumer stuck in the client; a
 * stage waiting for its database that long is restarted too, which costs nothing (it resumes from its
 * committed offsets). An unreadable broker is readiness' business, not this check's.
 */
@Liveness
@ApplicationScoped
public class StuckConsumerCheck implements HealthCheck {

    @Inject
    ConsumerProgressMonitor monitor;

    @Inject
    ConsumerProgressConfig config;

    @Override
    public HealthCheckResponse call() {
        ConsumerProgressMonitor.Progress progress = monitor.progress();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer progress")
                .withData("group", config.group())
                .withData("topic", config.topic());
        if (progress == null) {
            return response.up().withData("lag", "not read yet").build();
        }
        response.withData("lag", progress.lag() < 0 ? "unknown" : String.valueOf(progress.lag()));
        if (progress.progressSeen() != null) {
            response.withData("progress-seen", progress.progressSeen().toString());
        }
        if (progress.problem() != null) {
            response.withData("problem", progress.problem());
        }
        if (progress.stalled()) {
            return response.down().withData("stalled", "records waiting and no progress for more than "
                    + config.stallAfter().toSeconds() + " s").build();
        }
        return response.up().build();
    }
}
