-- Film facts beyond the walking skeleton: original title (searched like the title), runtime, genres, cast.
ALTER TABLE film
    ADD COLUMN original_title        text,
    ADD COLUMN original_title_search text,
    ADD COLUMN runtime_minutes       integer,
    ADD COLUMN genres                text[] NOT NULL DEFAULT '{}',
    -- [{"name": …, "character": …}] in billing order; read and written whole, never queried inside
    ADD COLUMN film_cast             jsonb  NOT NULL DEFAULT '[]';

-- Search pages are keyset too: (title_search, id) is the order and the cursor.
DROP INDEX film_title_search;
CREATE INDEX film_title_search ON film (title_search, id) WHERE NOT retired;

-- Withdrawals and helpful votes.
ALTER TABLE page_review
    -- the version the author withdrew; decisions up to it never bring the review back
    ADD COLUMN withdrawn_version bigint,
    ADD COLUMN helpful           integer NOT NULL DEFAULT 0,
    ADD COLUMN not_helpful       integer NOT NULL DEFAULT 0,
    -- the highest reviews.review-voted.v1 tally applied: older vote totals are ignored
    ADD COLUMN vote_tally        bigint  NOT NULL DEFAULT 0,
    -- Sort keys, each ordered DESC like submitted_at and review_id after it, so that one row
    -- comparison (key, submitted_at, review_id) < (…) starts every page of every sort inside its
    -- index. Unrated reviews come last in both rating orders.
    ADD COLUMN rank_highest integer GENERATED ALWAYS AS (coalesce(rating, 0)) STORED,
    ADD COLUMN rank_lowest  integer GENERATED ALWAYS AS (-coalesce(rating, 11)) STORED,
    ADD COLUMN rank_helpful integer GENERATED ALWAYS AS (helpful - not_helpful) STORED;

CREATE INDEX page_review_highest ON page_review (film_id, rank_highest DESC, submitted_at DESC, review_id DESC) WHERE visible;
CREATE INDEX page_review_lowest  ON page_review (film_id, rank_lowest DESC, submitted_at DESC, review_id DESC) WHERE visible;
CREATE INDEX page_review_helpful ON page_review (film_id, rank_helpful DESC, submitted_at DESC, review_id DESC) WHERE visible;

-- Visible reviews, rated or not: the "User reviews (n)" heading, without counting on reads.
ALTER TABLE film_rating ADD COLUMN review_count integer NOT NULL DEFAULT 0;
UPDATE film_rating r SET review_count = (SELECT count(*) FROM page_review p WHERE p.film_id = r.film_id AND p.visible);
INSERT INTO film_rating (film_id, review_count)
    SELECT film_id, count(*) FROM page_review p WHERE visible
        AND NOT EXISTS (SELECT 1 FROM film_rating r WHERE r.film_id = p.film_id)
    GROUP BY film_id;
