package org.filmreviews.moderation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.moderation.service.FilmProfiles;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.smallrye.common.annotation.Blocking;

/** catalog.film-changed.v1 → film facts for spoiler evidence. */
@ApplicationScoped
public class FilmConsumer {

    @Inject
    FilmProfiles profiles;

    @Incoming("film-changed")
    @Blocking
    public void onFilmChanged(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<FilmChanged> event = IncomingEvent.read(record, FilmChanged.class);
        profiles.apply(event.id(), event.payload());
    }
}
