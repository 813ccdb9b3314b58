-- Optimistic locking: a write based on a stale read of the row fails instead of overwriting.
ALTER TABLE review ADD COLUMN row_version bigint NOT NULL DEFAULT 0;

-- Whether a version of the review is on the film page (it stays votable while an edit is moderated),
-- and the highest decided version, as the catalog applies decisions.
ALTER TABLE review
    ADD COLUMN on_page      boolean NOT NULL DEFAULT false,
    ADD COLUMN page_version bigint  NOT NULL DEFAULT 0;
UPDATE review SET on_page = status IN ('PUBLISHED', 'PUBLISHED_SPOILER'),
                  page_version = CASE WHEN decided_at IS NULL THEN 0 ELSE version END;
