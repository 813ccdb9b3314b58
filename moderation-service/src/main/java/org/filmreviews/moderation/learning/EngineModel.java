package org.filmreviews.moderation.learning;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the engine had learned at one moment ({@code ModerationEngine.snapshot()}); the newest row wins. */
@Entity
@Table(name = "engine_model")
public class EngineModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "engine_version")
    public String engineVersion;

    @Column(name = "decisions_learned")
    public long decisionsLearned;

    public byte[] snapshot;

    @Column(name = "saved_at")
    public Instant savedAt;
}
