-- Accounts: review-service is the identity provider of the local system.
CREATE TABLE account (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    -- comma-separated role names: reviewer, moderator, admin
    roles         text        NOT NULL,
    created_at    timestamptz NOT NULL
);
-- User names are unique whatever their case.
CREATE UNIQUE INDEX account_username_unique ON account (lower(username));

-- Replica of the catalog's films (catalog.film-changed.v1): which film ids can be reviewed.
CREATE TABLE known_film (
    id         uuid        PRIMARY KEY,
    version    bigint      NOT NULL,
    title      text        NOT NULL,
    retired    boolean     NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE review (
    id           uuid        PRIMARY KEY,
    film_id      uuid        NOT NULL,
    author_id    uuid        NOT NULL REFERENCES account (id),
    version      bigint      NOT NULL,
    rating       integer CHECK (rating BETWEEN 1 AND 10),
    headline     text,
    body         text        NOT NULL,
    spoiler      boolean     NOT NULL,
    status       text        NOT NULL,
    -- the moderation reasons of the current version, as a JSON array of {code, message}
    reasons      jsonb       NOT NULL DEFAULT '[]',
    submitted_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    decided_at   timestamptz
);
CREATE INDEX review_film ON review (film_id);
CREATE INDEX review_author ON review (author_id);
