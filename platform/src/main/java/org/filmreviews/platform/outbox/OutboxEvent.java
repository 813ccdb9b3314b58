package org.filmreviews.platform.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An event waiting to be published, written in the same transaction as the change it announces. Its
 * id becomes the CloudEvents {@code ce_id}, which consumers de-duplicate on.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Assigned by the database on insert; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String key;

    @Column(name = "ce_type")
    public String type;

    @Column(name = "ce_subject")
    public String subject;

    /** The JSON payload exactly as it will be sent. */
    public String payload;

    /** Only in rows written before trace_context existed (migration of 2026-12): their W3C traceparent. */
    public String traceparent;

    /**
     * The trace the row was written in, as the propagator's headers ({@code traceparent}, {@code tracestate},
     * {@code baggage}); the relay's producer span continues it.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trace_context")
    public Map<String, String> traceContext;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Failed sends of this row; from the first on, it is sent in a batch of its own (see OutboxFailures). */
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** The first failure while the broker took other rows (or refused this one for what it is). */
    @Column(name = "first_failed_at")
    public Instant firstFailedAt;

    /** Set when the row kept failing: the relay skips it until an operator releases it. */
    @Column(name = "parked_at")
    public Instant parkedAt;
}
