package org.filmreviews.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.service.film.FilmDetails;
import org.filmreviews.catalog.service.film.FilmService;
import org.filmreviews.devinfra.test.Interleaving;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two admins change one film at the same moment, without If-Match: they take turns, and each change is
 * announced as a version of its own (two announcements of one version would let replicas keep either).
 */
@QuarkusTest
class ConcurrentFilmWritesTest {

    @Inject
    UserTransaction transaction;

    @Inject
    FilmService films;

    @Test
    void concurrentChangesOfAFilmAreEachAnnouncedAsANewVersion() throws Exception {
        UUID id = films.create(details("Before")).id;

        transaction.begin();
        films.update(id, details("First change"), null);
        CompletableFuture<Film> retirement = CompletableFuture.supplyAsync(() -> {
            films.retire(id);
            return null;
        });
        Interleaving.awaitBlockedOrDone(retirement);
        transaction.commit();
        retirement.get(20, TimeUnit.SECONDS);

        List<FilmChanged> announced = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>list("key = ?1 order by seq", id.toString()).stream()
                        .map(e -> EventCodec.decode(FilmChanged.class, e.payload)).toList());
        assertThat(announced).extracting(FilmChanged::version).containsExactly(1L, 2L, 3L);
        assertThat(announced.get(2).retired()).isTrue();
        assertThat(announced.get(2).title()).as("the retirement kept the first change").isEqualTo("First change");
    }

    private static FilmDetails details(String title) {
        return new FilmDetails(title, null, LocalDate.of(1987, 12, 13), "USSR", 139, List.of("Drama"), "A synopsis.", List.of(),
                List.of());
    }
}
