package org.filmreviews.moderation.film;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FilmProfileRepository implements PanacheRepositoryBase<FilmProfile, UUID> {
}
