-- Readers report reviews on film pages: one report per reader and review, changeable.
CREATE TABLE review_report (
    review_id   uuid        NOT NULL REFERENCES review (id),
    reporter_id uuid        NOT NULL REFERENCES account (id),
    -- SPOILER, SPAM or ABUSE
    reason      text        NOT NULL,
    note        text,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (review_id, reporter_id)
);

-- The version readers see while the review is on the page: the newest published one, which stays while an
-- edit is moderated. Reports name it. Rows already on the page get the newest decided version, which is
-- the published one unless an edit of it was held (this was not recorded before).
ALTER TABLE review ADD COLUMN shown_version bigint NOT NULL DEFAULT 0;
UPDATE review SET shown_version = page_version WHERE on_page;

-- One table counts what accounts did for every rate limit (reviews written, reports filed), told apart
-- by activity; the rows so far are reviews and edits.
ALTER TABLE author_activity RENAME TO account_activity;
ALTER TABLE account_activity RENAME COLUMN author_id TO account_id;
ALTER TABLE account_activity ADD COLUMN activity text NOT NULL DEFAULT 'review';
ALTER TABLE account_activity ALTER COLUMN activity DROP DEFAULT;
DROP INDEX author_activity_recent;
CREATE INDEX account_activity_recent ON account_activity (account_id, activity, at);
