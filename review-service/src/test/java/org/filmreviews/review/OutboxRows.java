package org.filmreviews.review;

import java.util.UUID;

import org.filmreviews.platform.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The outbox table as the outbox tests look at it, each question in a transaction of its own. */
final class OutboxRows {

    private OutboxRows() {
    }

    /** Rows not acknowledged by Kafka, parked ones included. */
    static long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    /** Rows the relay still tries to send: unsent and not parked (what the lag gauges count). */
    static long waiting() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null and parkedAt is null"));
    }

    /** Unsent rows whose CloudEvents subject is {@code subject} (a review's id). */
    static long unsentAbout(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject = ?1 and sentAt is null", subject));
    }

    /** The id (the event's {@code ce_id}) of the first row about {@code subject}. */
    static UUID firstIdAbout(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("subject = ?1", subject).firstResult().id);
    }
}
