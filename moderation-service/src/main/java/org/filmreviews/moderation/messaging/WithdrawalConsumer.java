package org.filmreviews.moderation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.moderation.service.Withdrawals;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-withdrawn.v1 → the case leaves the queue and the engine forgets the text. */
@ApplicationScoped
public class WithdrawalConsumer {

    @Inject
    Withdrawals withdrawals;

    @Incoming("review-withdrawn")
    @Blocking
    public void onWithdrawn(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewWithdrawn> event = IncomingEvent.read(record, ReviewWithdrawn.class);
        withdrawals.apply(event.id(), event.payload());
    }
}
