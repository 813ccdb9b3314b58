package org.filmreviews.platform.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Dead letters waiting for a fix and a re-drive, per dead-letter topic (as last counted). A wellness
 * check ({@code /q/health/well}): DOWN tells an operator there is work to do, but it does not take the
 * service out of rotation, since serving requests is not what is wrong.
 */
@Wellness
@ApplicationScoped
public class DeadLetterHealthCheck implements HealthCheck {

    @Inject
    DeadLetterRedrive redrive;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dead-letters");
        long total = 0;
        for (var entry : redrive.lastCount().entrySet()) {
            response.withData(entry.getKey(), entry.getValue());
            total += entry.getValue();
        }
        redrive.countedAt().ifPresent(at -> response.withData("countedAt", at.toString()));
        return response.status(total == 0).build();
    }
}
