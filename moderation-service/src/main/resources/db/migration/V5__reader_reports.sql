-- Readers' reports of published reviews (reviews.review-reported.v1): one per reader and review, a later
-- report of the same reader replacing theirs. A moderator's verdict on the review settles them; only
-- reports not settled, of the version under moderation, count towards sending the case back to the queue.
CREATE TABLE case_report (
    review_id         uuid        NOT NULL,
    reporter_id       text        NOT NULL,
    reporter_username text        NOT NULL,
    -- the version the reader saw on the page
    version           bigint      NOT NULL,
    -- SPOILER, SPAM or ABUSE
    reason            text        NOT NULL,
    note              text,
    reported_at       timestamptz NOT NULL,
    settled_at        timestamptz,
    PRIMARY KEY (review_id, reporter_id)
);

-- Back in the queue (or marked in it) because readers reported the review; cleared by a moderator's decision.
ALTER TABLE moderation_case
    ADD COLUMN reported    boolean     NOT NULL DEFAULT false,
    ADD COLUMN reported_at timestamptz;
