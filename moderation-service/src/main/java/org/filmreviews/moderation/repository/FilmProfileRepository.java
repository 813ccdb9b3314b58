package org.filmreviews.moderation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.moderation.domain.FilmProfile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FilmProfileRepository implements PanacheRepositoryBase<FilmProfile, UUID> {
}
