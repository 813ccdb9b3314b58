package org.filmreviews.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.review.service.review.FilmReplica;

import io.smallrye.common.annotation.Blocking;

/** catalog.film-changed.v1 → the replica of films that take reviews. */
@ApplicationScoped
public class FilmConsumer implements EventConsumer<FilmChanged> {

    @Inject
    EventProcessor processor;

    @Inject
    FilmReplica replica;

    @Incoming("film-changed")
    @Blocking
    public void onFilmChanged(ConsumerRecords<String, byte[]> records) {
        processor.processAll(records, this);
    }

    @Override
    public Class<FilmChanged> payloadType() {
        return FilmChanged.class;
    }

    @Override
    public void apply(String eventId, FilmChanged payload) {
        replica.apply(eventId, payload);
    }
}
