-- What the engine remembers of recent submissions, to recognise copies of other authors' texts and authors flooding
-- (the engine's SubmissionMemory). In the database, not in each process, so that every instance of the service
-- compares a new review with everything any instance saw: two instances decide as one would.
CREATE SEQUENCE submission_memory_order;

CREATE TABLE submission_memory (
    review_id        text      PRIMARY KEY,
    author_id        text      NOT NULL,
    film_id          text      NOT NULL,
    submitted_at_ms  bigint    NOT NULL,
    -- MinHash signature of the text (64 numbers) and its 16 band keys; no band keys: too short to compare as a copy
    signature        integer[] NOT NULL,
    band_keys        integer[] NOT NULL,
    -- renewed when a review's new version replaces the old: the newest are kept when the memory is pruned
    remembered       bigint    NOT NULL DEFAULT nextval('submission_memory_order')
);
-- fastupdate off: every lookup reads this index, and a pending list (GIN's default) would be scanned in full by each
CREATE INDEX submission_memory_bands ON submission_memory USING gin (band_keys) WITH (fastupdate = off);
CREATE INDEX submission_memory_author ON submission_memory (author_id, submitted_at_ms);
CREATE INDEX submission_memory_age ON submission_memory (remembered);
