package org.filmreviews.moderation.film;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The characters' names (profiles written before 2026-12 also hold the actors'): beyond the synopsis they are spoiler evidence. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> names = new ArrayList<>();

    @Column(name = "updated_at")
    public Instant updatedAt;
}
