package org.filmreviews.moderation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.moderation.service.Appeals;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-appealed.v1 → the case back in the queue, marked as an appeal. */
@ApplicationScoped
public class AppealConsumer {

    @Inject
    Appeals appeals;

    @Incoming("review-appealed")
    @Blocking
    public void onAppealed(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewAppealed> event = IncomingEvent.read(record, ReviewAppealed.class);
        appeals.receive(event.id(), event.payload());
    }
}
