package org.filmreviews.moderation.learning;

import java.time.Instant;
import java.util.List;
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
import org.filmreviews.moderation.cases.CaseSpan;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A moderator's decision the engine has yet to learn from. */
@Entity
@Table(name = "engine_lesson")
public class EngineLesson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Decision outcome;

    /** The moderator's own choice of spoiler sentences; null: the engine's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "spoiler_sentences")
    public List<CaseSpan> spoilerSentences;

    @Column(name = "created_at")
    public Instant createdAt;
}
