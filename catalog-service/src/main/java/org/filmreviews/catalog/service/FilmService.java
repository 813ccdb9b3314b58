package org.filmreviews.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.domain.FilmTrailer;
import org.filmreviews.catalog.repository.FilmRepository;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.events.Trailer;
import org.filmreviews.platform.outbox.Outbox;

/** Films: every change is saved together with the catalog.film-changed.v1 event announcing it. */
@ApplicationScoped
public class FilmService {

    @Inject
    FilmRepository films;

    @Inject
    Outbox outbox;

    @Transactional
    public Film create(FilmDetails details) {
        Film film = new Film();
        film.id = UUID.randomUUID();
        film.version = 1;
        film.createdAt = Instant.now();
        apply(film, details);
        films.persist(film);
        announce(film);
        return film;
    }

    public Optional<Film> find(UUID id) {
        return films.findByIdOptional(id);
    }

    public List<Film> search(String query, int offset, int limit) {
        return films.search(Film.searchable(query), offset, limit);
    }

    private static void apply(Film film, FilmDetails details) {
        film.retitle(details.title().strip());
        film.releaseDate = details.releaseDate();
        film.country = details.country();
        film.synopsis = details.synopsis();
        film.replaceTrailers(details.trailers() == null ? List.of()
                : details.trailers().stream().map(t -> new FilmTrailer(t.title(), t.url())).toList());
        film.updatedAt = Instant.now();
    }

    private void announce(Film film) {
        FilmChanged event = new FilmChanged(film.id, film.version, film.title, film.releaseDate, film.country,
                film.synopsis, film.trailers.stream().map(t -> new Trailer(t.title, t.url)).toList(), film.retired,
                film.updatedAt);
        outbox.append(event, film.id.toString(), film.id.toString());
    }
}
