package org.filmreviews.moderation.film;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.CastMember;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.moderation.engine.FilmFacts;
import org.filmreviews.platform.inbox.AppliedOnce;

/**
 * This service's replica of the catalog's films (review-service keeps one of its own by the same name): the film
 * facts for spoiler evidence, kept from catalog.film-changed.v1; newest version wins.
 */
@ApplicationScoped
public class FilmReplica {

    /** The inbox's name for this consumer; stored with every event it applied, so it keeps its first name. */
    static final String CONSUMER = "moderation.film-profiles";

    @Inject
    FilmProfileRepository profiles;

    @Inject
    FilmSecretRepository secrets;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, FilmChanged changed) {
        FilmProfile profile = profiles.findById(changed.filmId());
        boolean isNew = profile == null;
        if (isNew) {
            profile = new FilmProfile();
            profile.filmId = changed.filmId();
        } else if (changed.version() <= profile.version) {
            return;
        }
        profile.version = changed.version();
        profile.title = changed.title();
        profile.synopsis = changed.synopsis();
        profile.names = namesOf(changed);
        profile.updatedAt = Instant.now();
        if (isNew) {
            profiles.persist(profile);
        }
    }

    /**
     * What the engine may treat as public knowledge about a film (nothing when it is unknown yet), and what
     * moderators marked as its spoilers.
     */
    public FilmFacts factsOf(UUID filmId) {
        FilmProfile profile = profiles.findById(filmId);
        List<String> secrets = this.secrets.of(filmId);
        return profile == null ? new FilmFacts("", "", List.of(), secrets)
                : new FilmFacts(profile.title, profile.synopsis, profile.names, secrets);
    }

    /**
     * The characters: one the synopsis does not name (the one who turns out to be the killer) is evidence of a spoiler.
     * Actors are not: praising the cast gives nothing away.
     */
    static List<String> namesOf(FilmChanged changed) {
        Set<String> names = new LinkedHashSet<>();
        if (changed.cast() != null) {
            for (CastMember member : changed.cast()) {
                if (member != null && member.character() != null && !member.character().isBlank()) {
                    names.add(member.character().strip());
                }
            }
        }
        return new ArrayList<>(names);
    }
}
