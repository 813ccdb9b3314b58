package org.filmreviews.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.catalog.service.ReviewProjection;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-voted.v1 → the helpful counts on the page. A record that cannot be read goes to the DLQ. */
@ApplicationScoped
public class VoteConsumer {

    @Inject
    ReviewProjection projection;

    @Incoming("review-voted")
    @Blocking
    public void onVote(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewVoted> event = IncomingEvent.read(record, ReviewVoted.class);
        projection.apply(event.id(), event.payload());
    }
}
