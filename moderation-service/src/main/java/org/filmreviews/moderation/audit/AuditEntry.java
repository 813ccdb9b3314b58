package org.filmreviews.moderation.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.filmreviews.events.Decision;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log: who did what to which version of a review, when and why. The database
 * refuses updates and deletes of these rows; Hibernate is told not to try.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "review_id")
    public UUID reviewId;

    public long version;

    @Column(name = "film_id")
    public UUID filmId;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    public String actor;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "reason_code")
    public String reasonCode;

    public String reason;

    @Column(name = "engine_version")
    public String engineVersion;

    /** For a human verdict on a version the engine decided: whether the human changed the outcome. */
    public Boolean overturned;

    public boolean appeal;

    public Instant at;
}
