-- Optimistic locking: a write based on a stale read of the case fails instead of overwriting.
ALTER TABLE moderation_case ADD COLUMN row_version bigint NOT NULL DEFAULT 0;

-- Withdrawals, also of reviews whose submission has not been moderated yet (the topics are read
-- independently, so a withdrawal may overtake the submission it withdraws).
CREATE TABLE review_withdrawal (
    review_id    uuid        PRIMARY KEY,
    version      bigint      NOT NULL,
    withdrawn_at timestamptz NOT NULL
);
