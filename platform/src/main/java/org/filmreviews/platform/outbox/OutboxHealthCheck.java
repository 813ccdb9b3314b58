package org.filmreviews.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Reports the outbox lag and parked rows. A wellness check ({@code /q/health/well}), not readiness: a
 * backlog while the broker is away is what the outbox is for, and the service keeps taking writes;
 * DOWN says an operator should look (a backlog older than {@code filmreviews.outbox.max-lag}, or rows
 * parked after failing again and again).
 */
@Wellness
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
                .withData("parked", relay.parked())
                .withData("relay", relay.enabled() ? "running" : "disabled");
        return response.status(relay.oldestUnsentAge().compareTo(config.maxLag()) <= 0 && relay.parked() == 0).build();
    }
}
