package org.filmreviews.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.catalog.service.ReviewProjection;

import io.smallrye.common.annotation.Blocking;

/** moderation.review-decided.v1 → the film pages. */
@ApplicationScoped
public class DecisionConsumer implements EventConsumer<ReviewDecided> {

    @Inject
    EventProcessor processor;

    @Inject
    ReviewProjection projection;

    @Incoming("review-decided")
    @Blocking
    public void onDecision(ConsumerRecord<String, byte[]> record) {
        processor.process(record, this);
    }

    @Override
    public Class<ReviewDecided> payloadType() {
        return ReviewDecided.class;
    }

    @Override
    public void apply(String eventId, ReviewDecided payload) {
        projection.apply(eventId, payload);
    }
}
