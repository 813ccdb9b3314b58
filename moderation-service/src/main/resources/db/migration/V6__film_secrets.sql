-- What moderators marked as spoilers, per film: a later review that tells the same thing is flagged too. Shared by
-- every instance of the service through the database.
CREATE TABLE film_secret (
    id          bigserial   PRIMARY KEY,
    film_id     uuid        NOT NULL,
    review_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    sentence    text        NOT NULL,
    marked_by   text        NOT NULL,
    marked_at   timestamptz NOT NULL,
    UNIQUE (review_id, version, sentence)
);
CREATE INDEX film_secret_film ON film_secret (film_id, marked_at DESC);
