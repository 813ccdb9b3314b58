package org.filmreviews.moderation.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.ReviewReported;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;

import io.smallrye.common.annotation.Blocking;

/** reviews.review-reported.v1 → the report kept; enough of them send the case back to the queue. */
@ApplicationScoped
public class ReportConsumer implements EventConsumer<ReviewReported> {

    @Inject
    EventProcessor processor;

    @Inject
    ReportService reports;

    @Incoming("review-reported")
    @Blocking
    public void onReviewReported(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<ReviewReported> payloadType() {
        return ReviewReported.class;
    }

    @Override
    public void apply(String eventId, ReviewReported payload) {
        reports.apply(eventId, payload);
    }
}
