-- Edits, withdrawals, votes and appeals.
ALTER TABLE review
    ADD COLUMN helpful_votes     integer     NOT NULL DEFAULT 0,
    ADD COLUMN not_helpful_votes integer     NOT NULL DEFAULT 0,
    -- grows with every change of the vote totals; carried by reviews.review-voted.v1
    ADD COLUMN vote_tally        bigint      NOT NULL DEFAULT 0,
    ADD COLUMN appealed_at       timestamptz,
    ADD COLUMN appeal_message    text,
    ADD COLUMN withdrawn_at      timestamptz;

-- One review per author and film; a withdrawn review frees the place for a new one.
CREATE UNIQUE INDEX review_one_per_author_and_film ON review (author_id, film_id) WHERE status <> 'WITHDRAWN';
-- GET /me/reviews, newest first, keyset paged.
CREATE INDEX review_author_newest ON review (author_id, submitted_at DESC, id DESC);

CREATE TABLE review_vote (
    review_id uuid        NOT NULL REFERENCES review (id),
    voter_id  uuid        NOT NULL,
    helpful   boolean     NOT NULL,
    voted_at  timestamptz NOT NULL,
    PRIMARY KEY (review_id, voter_id)
);

-- Per-author submissions (new reviews and edits) for the rate limit.
CREATE TABLE author_activity (
    author_id uuid        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX author_activity_recent ON author_activity (author_id, at);
