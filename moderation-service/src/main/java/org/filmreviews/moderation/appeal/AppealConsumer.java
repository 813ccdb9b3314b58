package org.filmreviews.moderation.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-appealed.v1 → the case back in the queue, marked as an appeal. */
@ApplicationScoped
public class AppealConsumer implements EventConsumer<ReviewAppealed> {

    @Inject
    EventProcessor processor;

    @Inject
    AppealService appeals;

    @Incoming("review-appealed")
    @Blocking
    public void onReviewAppealed(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewAppealed> payloadType() {
        return ReviewAppealed.class;
    }

    @Override
    public void apply(String eventId, ReviewAppealed payload) {
        appeals.apply(eventId, payload);
    }
}
