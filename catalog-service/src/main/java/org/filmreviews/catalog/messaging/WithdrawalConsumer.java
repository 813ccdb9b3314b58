package org.filmreviews.catalog.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.catalog.service.projection.ReviewProjection;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.platform.kafka.IncomingEvent;

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
    public void onReviewWithdrawn(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewWithdrawn> payloadType() {
        return ReviewWithdrawn.class;
    }

    @Override
    public void apply(String eventId, ReviewWithdrawn payload) {
        projection.apply(eventId, payload);
    }

    /** The projection's own batch: its live writes take page data and film locks, which a batch takes once. */
    @Override
    public void applyAll(List<IncomingEvent<ReviewWithdrawn>> events) {
        projection.applyAll(events);
    }
}
