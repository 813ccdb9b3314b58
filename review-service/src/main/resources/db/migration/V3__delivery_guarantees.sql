-- Outbox rows that keep failing are parked instead of holding up every later event.
ALTER TABLE outbox_event
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN last_error      text,
    ADD COLUMN first_failed_at timestamptz,
    ADD COLUMN parked_at       timestamptz;
DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL AND parked_at IS NULL;

-- Optimistic locking: a write based on a stale read of the row fails instead of overwriting.
ALTER TABLE review ADD COLUMN row_version bigint NOT NULL DEFAULT 0;

-- Whether a version of the review is on the film page (it stays votable while an edit is moderated),
-- and the highest decided version, as the catalog applies decisions.
ALTER TABLE review
    ADD COLUMN on_page      boolean NOT NULL DEFAULT false,
    ADD COLUMN page_version bigint  NOT NULL DEFAULT 0;
UPDATE review SET on_page = status IN ('PUBLISHED', 'PUBLISHED_SPOILER'),
                  page_version = CASE WHEN decided_at IS NULL THEN 0 ELSE version END;
