package org.filmreviews.moderation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.service.ModerationService;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-submitted.v1 → a decision for every version of every review. */
@ApplicationScoped
public class SubmissionConsumer {

    @Inject
    ModerationService moderation;

    @Incoming("review-submitted")
    @Blocking
    public void onSubmitted(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<ReviewSubmitted> event = IncomingEvent.read(record, ReviewSubmitted.class);
        moderation.moderate(event.id(), event.payload());
    }
}
