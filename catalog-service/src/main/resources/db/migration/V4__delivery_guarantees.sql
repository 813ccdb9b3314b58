-- Optimistic locking: a write based on a stale read of the film fails instead of overwriting.
ALTER TABLE film ADD COLUMN row_version bigint NOT NULL DEFAULT 0;
