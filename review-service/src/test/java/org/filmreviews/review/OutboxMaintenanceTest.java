package org.filmreviews.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.filmreviews.platform.outbox.OutboxEvent;
import org.filmreviews.platform.outbox.OutboxMaintenance;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxMaintenanceTest {

    @Inject
    OutboxMaintenance maintenance;

    private static UUID row(Instant sentAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent event = new OutboxEvent();
            event.id = UUID.randomUUID();
            event.topic = "reviews.review-submitted.v1";
            event.key = "film";
            event.type = "reviews.review.submitted.v1";
            event.payload = "{}";
            event.createdAt = sentAt == null ? Instant.now() : sentAt;
            event.sentAt = sentAt;
            event.persist();
            return event.id;
        });
    }

    private static boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.findById(id) != null);
    }

    @Test
    void onlyRowsSentLongerAgoThanTheRetentionArePruned() {
        UUID old = row(Instant.now().minus(Duration.ofDays(8)));
        UUID recent = row(Instant.now().minus(Duration.ofDays(6)));

        assertThat(maintenance.pruneSent()).isGreaterThanOrEqualTo(1);

        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
    }
}
