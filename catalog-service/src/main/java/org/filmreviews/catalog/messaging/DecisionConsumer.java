package org.filmreviews.catalog.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.catalog.service.projection.ReviewProjection;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.platform.kafka.IncomingEvent;

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
    public void onReviewDecided(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewDecided> payloadType() {
        return ReviewDecided.class;
    }

    @Override
    public void apply(String eventId, ReviewDecided payload) {
        projection.apply(eventId, payload);
    }

    /** The projection's own batch: its live writes take page data and film locks, which a batch takes once. */
    @Override
    public void applyAll(List<IncomingEvent<ReviewDecided>> events) {
        projection.applyAll(events);
    }
}
