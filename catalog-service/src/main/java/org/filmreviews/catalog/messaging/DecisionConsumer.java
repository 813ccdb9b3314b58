package org.filmreviews.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.catalog.service.ReviewProjection;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** moderation.review-decided.v1 → the film pages. A record that cannot be read goes to the DLQ. */
@ApplicationScoped
public class DecisionConsumer {

    @Inject
    ReviewProjection projection;

    @Incoming("review-decided")
    @Blocking
    public void onDecision(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewDecided> event = IncomingEvent.read(record, ReviewDecided.class);
        projection.apply(event.id(), event.payload());
    }
}
