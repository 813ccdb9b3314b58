package org.filmreviews.catalog.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.catalog.service.projection.ReviewProjection;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-voted.v1 → the helpful counts on the page. */
@ApplicationScoped
public class VoteConsumer implements EventConsumer<ReviewVoted> {

    @Inject
    EventProcessor processor;

    @Inject
    ReviewProjection projection;

    @Incoming("review-voted")
    @Blocking
    public void onReviewVoted(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewVoted> payloadType() {
        return ReviewVoted.class;
    }

    @Override
    public void apply(String eventId, ReviewVoted payload) {
        projection.apply(eventId, payload);
    }

    /** The projection's own batch: its live writes take page data and film locks, which a batch takes once. */
    @Override
    public void applyAll(List<IncomingEvent<ReviewVoted>> events) {
        projection.applyAll(events);
    }
}
