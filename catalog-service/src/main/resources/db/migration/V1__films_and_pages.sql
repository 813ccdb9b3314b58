-- Films as the catalog's admins describe them.
CREATE TABLE film (
    id            uuid PRIMARY KEY,
    version       bigint      NOT NULL,
    title         text        NOT NULL,
    -- lower case, accents removed: what GET /films?q= matches against
    title_search  text        NOT NULL,
    release_date  date,
    country       text,
    synopsis      text,
    retired       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX film_title_search ON film (title_search);

CREATE TABLE film_trailer (
    film_id  uuid    NOT NULL REFERENCES film (id) ON DELETE CASCADE,
    position integer NOT NULL,
    title    text    NOT NULL,
    url      text    NOT NULL,
    PRIMARY KEY (film_id, position)
);

-- The page read model, built only from moderation.review-decided.v1 (and later review events).
-- A row outlives the review's visibility so that its version keeps stale events out.
CREATE TABLE page_review (
    review_id         uuid        PRIMARY KEY,
    film_id           uuid        NOT NULL,
    version           bigint      NOT NULL,
    visible           boolean     NOT NULL,
    author            text,
    author_username   text,
    rating            integer CHECK (rating BETWEEN 1 AND 10),
    headline          text,
    body              text,
    excerpt           text,
    spoiler           boolean     NOT NULL DEFAULT false,
    spoiler_sentences text,
    submitted_at      timestamptz,
    updated_at        timestamptz NOT NULL
);
-- Keyset pagination of a film's visible reviews, newest first.
CREATE INDEX page_review_newest ON page_review (film_id, submitted_at DESC, review_id DESC) WHERE visible;

-- Precomputed so that a page read never counts reviews.
CREATE TABLE film_rating (
    film_id     uuid    PRIMARY KEY,
    rated_count integer NOT NULL DEFAULT 0,
    rating_sum  bigint  NOT NULL DEFAULT 0,
    histogram   integer[] NOT NULL DEFAULT '{0,0,0,0,0,0,0,0,0,0}'
);
