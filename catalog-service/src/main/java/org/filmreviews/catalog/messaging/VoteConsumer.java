package org.filmreviews.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.catalog.service.ReviewProjection;

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
    public void onVote(ConsumerRecord<String, byte[]> record) {
        processor.process(record, this);
    }

    @Override
    public Class<ReviewVoted> payloadType() {
        return ReviewVoted.class;
    }

    @Override
    public void apply(String eventId, ReviewVoted payload) {
        projection.apply(eventId, payload);
    }
}
