package org.filmreviews.platform.consumer;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while an input waits for a transient failure (the database away, a lock lost) to pass: the
 * service is not keeping up with its events, and says which record it holds and why.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    @Inject
    ConsumerStatus status;

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerStatus.Waiting> waiting = status.waiting();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").status(waiting.isEmpty());
        waiting.forEach((topic, wait) -> response.withData(topic, "waiting since " + wait.since() + " on " + wait.record()
                + " after " + wait.attempts() + " attempts: " + wait.lastError()));
        return response.build();
    }
}
