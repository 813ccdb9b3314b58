package org.filmreviews.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.catalog.service.ReviewProjection;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-withdrawn.v1 → the review leaves its film page. */
@ApplicationScoped
public class WithdrawalConsumer implements EventConsumer<ReviewWithdrawn> {

    @Inject
    EventProcessor processor;

    @Inject
    ReviewProjection projection;

    @Incoming("review-withdrawn")
    @Blocking
    public void onWithdrawal(ConsumerRecord<String, byte[]> record) {
        processor.process(record, this);
    }

    @Override
    public Class<ReviewWithdrawn> payloadType() {
        return ReviewWithdrawn.class;
    }

    @Override
    public void apply(String eventId, ReviewWithdrawn payload) {
        projection.apply(eventId, payload);
    }
}
