package org.filmreviews.moderation.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.moderation.domain.ModerationCase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ModerationCaseRepository implements PanacheRepositoryBase<ModerationCase, UUID> {

    public Optional<ModerationCase> findVersion(UUID reviewId, long version) {
        return find("reviewId = ?1 and version = ?2", reviewId, version).firstResultOptional();
    }

    public Optional<ModerationCase> findLatest(UUID reviewId) {
        return find("reviewId = ?1 order by version desc", reviewId).firstResultOptional();
    }
}
