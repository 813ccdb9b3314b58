-- Platform's outbox (Outbox, OutboxRelay): a service writes its events here in the transaction of the change they
-- describe; the relay sends the unsent rows in seq order. Every service has this table, created by this migration
-- (platform's db/platform location, versions 0.x, before the service's own V1…).
CREATE TABLE outbox_event (
    id              uuid        PRIMARY KEY,
    seq             bigserial   NOT NULL UNIQUE,
    topic           text        NOT NULL,
    event_key       text        NOT NULL,
    ce_type         text        NOT NULL,
    ce_subject      text,
    payload         text        NOT NULL,
    -- the trace context of rows written before trace_context; the relay still reads it
    traceparent     text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    -- Rows that keep failing are parked instead of holding up every later event (OutboxParking).
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    first_failed_at timestamptz,
    parked_at       timestamptz,
    -- the whole trace context (traceparent, tracestate, baggage: whatever the propagator writes)
    trace_context   jsonb
);
-- What the relay has left to send: small, because sent and parked rows leave it.
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL AND parked_at IS NULL;
