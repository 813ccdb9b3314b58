package org.filmreviews.moderation.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-submitted.v1 → a decision for every version of every review. */
@ApplicationScoped
public class SubmissionConsumer implements EventConsumer<ReviewSubmitted> {

    @Inject
    EventProcessor processor;

    @Inject
    ModerationService moderation;

    @Incoming("review-submitted")
    @Blocking
    public void onReviewSubmitted(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewSubmitted> payloadType() {
        return ReviewSubmitted.class;
    }

    @Override
    public void apply(String eventId, ReviewSubmitted payload) {
        moderation.apply(eventId, payload);
    }
}
