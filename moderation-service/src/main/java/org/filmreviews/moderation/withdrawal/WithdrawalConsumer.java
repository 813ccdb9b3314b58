package org.filmreviews.moderation.withdrawal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-withdrawn.v1 → the case leaves the queue and the engine forgets the text. */
@ApplicationScoped
public class WithdrawalConsumer implements EventConsumer<ReviewWithdrawn> {

    @Inject
    EventProcessor processor;

    @Inject
    WithdrawalService withdrawals;

    @Incoming("review-withdrawn")
    @Blocking
    public void onReviewWithdrawn(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewWithdrawn> payloadType() {
        return ReviewWithdrawn.class;
    }

    @Override
    public void apply(String eventId, ReviewWithdrawn payload) {
        withdrawals.apply(eventId, payload);
    }
}
