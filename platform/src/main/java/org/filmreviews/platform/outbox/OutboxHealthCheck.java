package org.filmreviews.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox lag. A backlog during a broker outage is what the outbox is for, so the service
 * stays ready; only a backlog older than {@code filmreviews.outbox.max-lag} (a stuck relay) is DOWN.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .withData("unsent", relay.unsent())
                .withData("oldestUnsentSeconds", relay.oldestUnsentAge().toSeconds())
                .withData("relay", relay.enabled() ? "running" : "disabled");
        return response.status(relay.oldestUnsentAge().compareTo(config.maxLag()) <= 0).build();
    }
}
