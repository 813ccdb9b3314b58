package org.filmreviews.review.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** review-service's replica of a catalog film, kept from catalog.film-changed.v1. */
@Entity
@Table(name = "known_film")
public class KnownFilm {

    @Id
    public UUID id;

    public long version;

    public String title;

    /** A retired film takes no new reviews. */
    public boolean retired;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
