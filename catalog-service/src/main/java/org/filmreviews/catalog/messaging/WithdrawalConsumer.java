package org.filmreviews.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.catalog.service.ReviewProjection;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-withdrawn.v1 → the review leaves its film page. A record that cannot be read goes to the DLQ. */
@ApplicationScoped
public class WithdrawalConsumer {

    @Inject
    ReviewProjection projection;

    @Incoming("review-withdrawn")
    @Blocking
    public void onWithdrawal(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewWithdrawn> event = IncomingEvent.read(record, ReviewWithdrawn.class);
        projection.apply(event.id(), event.payload());
    }
}
