package org.filmreviews.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.review.service.review.ReviewStatusService;

import io.smallrye.common.annotation.Blocking;

/** moderation.review-decided.v1 → the author's view of their review. */
@ApplicationScoped
public class DecisionConsumer implements EventConsumer<ReviewDecided> {

    @Inject
    EventProcessor processor;

    @Inject
    ReviewStatusService status;

    @Incoming("review-decided")
    @Blocking
    public void onReviewDecided(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewDecided> payloadType() {
        return ReviewDecided.class;
    }

    @Override
    public void apply(String eventId, ReviewDecided payload) {
        status.apply(eventId, payload);
    }
}
