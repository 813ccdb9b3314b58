package org.filmreviews.moderation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the public knows about a film, from catalog.film-changed.v1. */
@Entity
@Table(name = "film_profile")
public class FilmProfile {

    @Id
    @Column(name = "film_id")
    public UUID filmId;

    public long version;

    public String title;

    public String synopsis;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
