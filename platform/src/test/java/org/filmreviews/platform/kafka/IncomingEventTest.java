package org.filmreviews.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.EventType;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.events.ReviewWithdrawn;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private static ConsumerRecord<String, byte[]> record(String source) {
        ReviewWithdrawn withdrawn = new ReviewWithdrawn(UUID.randomUUID(), UUID.randomUUID(), 2,
                Instant.parse("2026-12-06T12:00:00Z"));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(EventType.REVIEW_WITHDRAWN.topic(), 0, 7L,
                withdrawn.filmId().toString(), EventCodec.encode(withdrawn));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, EventType.REVIEW_WITHDRAWN.ceType().getBytes(StandardCharsets.UTF_8));
        if (source != null) {
            record.headers().add(CloudEventHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void anEventFromTheServiceThatOwnsItsTypeIsRead() {
        IncomingEvent<ReviewWithdrawn> event = IncomingEvent.read(record("/review-service"), ReviewWithdrawn.class);
        assertThat(event.source()).isEqualTo("/review-service");
        assertThat(event.payload().version()).isEqualTo(2);
    }

    @Test
    void theSameEventFromAnyOtherSourceIsRefusedAsInvalid() {
        for (String source : new String[]{"/moderation-service", "/intruder", "", null}) {
            assertThatThrownBy(() -> IncomingEvent.read(record(source), ReviewWithdrawn.class))
                    .as("ce_source %s", source)
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("Expected ce_source /review-service");
        }
    }
}
