package org.filmreviews.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.kafka.IncomingEvent;
import org.filmreviews.review.service.ReviewStatusService;

import io.smallrye.common.annotation.Blocking;

/** moderation.review-decided.v1 → the author's view of their review. */
@ApplicationScoped
public class DecisionConsumer {

    @Inject
    ReviewStatusService status;

    @Incoming("review-decided")
    @Blocking
    public void onDecision(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewDecided> event = IncomingEvent.read(record, ReviewDecided.class);
        status.apply(event.id(), event.payload());
    }
}
