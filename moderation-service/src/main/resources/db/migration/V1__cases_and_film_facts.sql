-- One case per version of a review: what was submitted, what the engine (or later a moderator) decided.
CREATE TABLE moderation_case (
    id                  uuid             PRIMARY KEY,
    review_id           uuid             NOT NULL,
    version             bigint           NOT NULL,
    film_id             uuid             NOT NULL,
    author_id           text             NOT NULL,
    author_username     text             NOT NULL,
    author_display_name text             NOT NULL,
    rating              integer,
    headline            text,
    body                text             NOT NULL,
    author_spoiler      boolean          NOT NULL,
    submitted_at        timestamptz      NOT NULL,
    outcome             text             NOT NULL,
    spam_score          double precision NOT NULL,
    spoiler_score       double precision NOT NULL,
    -- findings of the engine: [{signal, code, message, weight}]
    reasons             jsonb            NOT NULL,
    -- spans of body to hide behind "show spoiler": [{start, end}]
    spoiler_sentences   jsonb            NOT NULL,
    engine_version      text             NOT NULL,
    decided_by          text             NOT NULL,
    decided_at          timestamptz      NOT NULL,
    UNIQUE (review_id, version)
);
CREATE INDEX moderation_case_outcome ON moderation_case (outcome, submitted_at);

-- What the public knows about each film (catalog.film-changed.v1): spoiler evidence goes beyond it.
CREATE TABLE film_profile (
    film_id    uuid        PRIMARY KEY,
    version    bigint      NOT NULL,
    title      text        NOT NULL,
    synopsis   text,
    updated_at timestamptz NOT NULL
);
