package org.filmreviews.review.service.review;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.FilmChanged;
import org.filmreviews.platform.inbox.AppliedOnce;
import org.filmreviews.review.domain.KnownFilm;
import org.filmreviews.review.repository.KnownFilmRepository;

/** Keeps the films that can be reviewed in step with the catalog, newest version wins. */
@ApplicationScoped
public class FilmReplica {

    static final String CONSUMER = "reviews.film-replica";

    @Inject
    KnownFilmRepository films;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, FilmChanged changed) {
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
