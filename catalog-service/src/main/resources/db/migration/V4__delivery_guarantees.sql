-- Outbox rows that keep failing are parked instead of holding up every later event.
ALTER TABLE outbox_event
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN last_error      text,
    ADD COLUMN first_failed_at timestamptz,
    ADD COLUMN parked_at       timestamptz;
DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL AND parked_at IS NULL;

-- Optimistic locking: a write based on a stale read of the film fails instead of overwriting.
ALTER TABLE film ADD COLUMN row_version bigint NOT NULL DEFAULT 0;
