package org.filmreviews.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.platform.kafka.IncomingEvent;
import org.filmreviews.review.service.FilmReplica;

import io.smallrye.common.annotation.Blocking;

/** catalog.film-changed.v1 → the replica of films that take reviews. */
@ApplicationScoped
public class FilmConsumer {

    @Inject
    FilmReplica replica;

    @Incoming("film-changed")
    @Blocking
    public void onFilmChanged(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<FilmChanged> event = IncomingEvent.read(record, FilmChanged.class);
        replica.apply(event.id(), event.payload());
    }
}
