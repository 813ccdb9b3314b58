package org.filmreviews.review.service.review;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.FilmChanged;
import org.filmreviews.platform.inbox.Inbox;
import org.filmreviews.review.domain.KnownFilm;
import org.filmreviews.review.repository.KnownFilmRepository;

/** Keeps the films that can be reviewed in step with the catalog, newest version wins. */
@ApplicationScoped
public class FilmReplica {

    static final String CONSUMER = "reviews.film-replica";

    @Inject
    Inbox inbox;

    @Inject
    KnownFilmRepository films;

    @Transactional
    public void apply(String eventId, FilmChanged changed) {
        if (!inbox.firstDelivery(eventId, CONSUMER)) {
            return;
        }
        KnownFilm film = films.findById(changed.filmId());
        boolean isNew = film == null;
        if (isNew) {
            film = new KnownFilm();
            film.id = changed.filmId();
        } else if (changed.version() <= film.version) {
            return; // an older or repeated version of the film
        }
        film.version = changed.version();
        film.title = changed.title();
        film.retired = changed.retired();
        film.updatedAt = Instant.now();
        if (isNew) {
            films.persist(film);
        }
    }

    @Transactional
    public boolean knows(java.util.UUID filmId) {
        return films.findByIdOptional(filmId).isPresent();
    }
}
