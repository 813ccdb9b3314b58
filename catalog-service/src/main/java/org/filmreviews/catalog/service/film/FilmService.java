package org.filmreviews.catalog.service.film;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.catalog.domain.CastCredit;
import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.domain.FilmTrailer;
import org.filmreviews.catalog.repository.FilmRepository;
import org.filmreviews.events.CastMember;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.events.Trailer;
import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.domain.StaleVersion;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.outbox.Outbox;

/**
 * Films: every change is saved together with the catalog.film-changed.v1 event announcing it. The event
 * carries the whole film, so that the compacted topic alone lets a new subscriber rebuild every film.
 */
@ApplicationScoped
public class FilmService {

    /** One page of search results and, when there are more, where the next starts. */
    public record SearchPage(List<Film> items, Optional<FilmCursor> next) {
    }

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

    /**
     * Replaces what is known about a film.
     *
     * @param expectedVersion the version the admin edited (from {@code If-Match}), or null to overwrite
     */
    @Transactional
    public Film update(UUID id, FilmDetails details, Long expectedVersion) {
        Film film = onShow(id);
        if (expectedVersion != null && expectedVersion != film.version) {
            throw new StaleVersion(
                    "The film is at version " + film.version + ", not " + expectedVersion
                            + ": reload it and apply your change again.");
        }
        film.version++;
        apply(film, details);
        announce(film);
        return film;
    }

    /** Takes a film off the catalog: no longer found, its page gone. Retiring twice changes nothing. */
    @Transactional
    public void retire(UUID id) {
        Film film = films.findForUpdate(id).orElseThrow(() -> new NotFound("No film with id " + id));
        if (film.retired) {
            return;
        }
        film.retired = true;
        film.version++;
        film.updatedAt = Instant.now();
        announce(film);
    }

    public Optional<Film> find(UUID id) {
        return films.findByIdOptional(id);
    }

    public SearchPage search(String query, FilmCursor after, int limit) {
        List<Film> found = films.search(Film.searchable(query), after == null ? null : after.titleSearch(),
                after == null ? null : after.filmId(), limit + 1);
        if (found.size() <= limit) {
            return new SearchPage(found, Optional.empty());
        }
        Film last = found.get(limit - 1);
        return new SearchPage(found.subList(0, limit), Optional.of(new FilmCursor(last.titleSearch, last.id)));
    }

    /** Locked until the transaction ends: two admins changing one film take turns, each announcing its own version. */
    private Film onShow(UUID id) {
        Film film = films.findForUpdate(id).orElseThrow(() -> new NotFound("No film with id " + id));
        if (film.retired) {
            throw new Conflict("Film " + id + " is retired and can no longer be changed.");
        }
        return film;
    }

    private static void apply(Film film, FilmDetails details) {
        String title = UserText.cleanOrNull(details.title());
        if (title == null) {
            throw InvalidInput.field("title", "must not be blank");
        }
        film.retitle(title, UserText.cleanOrNull(details.originalTitle()));
        film.releaseDate = details.releaseDate();
        film.country = UserText.cleanOrNull(details.country());
        film.runtimeMinutes = details.runtimeMinutes();
        film.genres = details.genres() == null ? List.of()
                : details.genres().stream().map(UserText::cleanOrNull).filter(g -> g != null).distinct().toList();
        film.synopsis = UserText.cleanOrNull(details.synopsis());
        film.cast = details.cast() == null ? List.of()
                : details.cast().stream().filter(c -> UserText.cleanOrNull(c.name()) != null)
                        .map(c -> new CastCredit(UserText.clean(c.name()), UserText.cleanOrNull(c.character()))).toList();
        film.replaceTrailers(details.trailers() == null ? List.of()
                : details.trailers().stream().map(t -> new FilmTrailer(UserText.clean(t.title()), t.url().strip())).toList());
        film.updatedAt = Instant.now();
    }

    private void announce(Film film) {
        FilmChanged event = new FilmChanged(film.id, film.version, film.title, film.releaseDate, film.country,
                film.synopsis, film.trailers.stream().map(t -> new Trailer(t.title, t.url)).toList(), film.retired,
                film.updatedAt, film.originalTitle, film.runtimeMinutes, List.copyOf(film.genres),
                film.cast.stream().map(c -> new CastMember(c.name(), c.character())).toList());
        outbox.append(event, film.id.toString(), film.id.toString());
    }
}
