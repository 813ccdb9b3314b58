-- The human side of moderation: the queue of cases waiting for a moderator, claims, appeals,
-- take-downs, the append-only audit log and the engine's learned state.

ALTER TABLE moderation_case
    -- what the engine decided for this version; outcome changes when a human decides
    ADD COLUMN machine_outcome          text,
    -- waiting for a moderator: held by the engine, or appealed by the author
    ADD COLUMN open                     boolean     NOT NULL DEFAULT false,
    ADD COLUMN queued_at                timestamptz,
    ADD COLUMN appeal                   boolean     NOT NULL DEFAULT false,
    ADD COLUMN appeal_message           text,
    ADD COLUMN appealed_at              timestamptz,
    ADD COLUMN claimed_by               text,
    ADD COLUMN claimed_until            timestamptz,
    -- the moderator's reason (a code of the reason list) and free text
    ADD COLUMN reason_code              text,
    ADD COLUMN note                     text,
    -- spans the moderator chose to hide; null: the engine's spoiler_sentences apply
    ADD COLUMN chosen_spoiler_sentences jsonb,
    -- set while a published version is taken down: the decision a restore brings back
    ADD COLUMN taken_down_from          text,
    ADD COLUMN withdrawn_at             timestamptz;

UPDATE moderation_case SET machine_outcome = outcome;
UPDATE moderation_case SET open = true, queued_at = decided_at WHERE outcome = 'HOLD';
ALTER TABLE moderation_case ALTER COLUMN machine_outcome SET NOT NULL;

-- The queue, oldest first; small because decided cases leave it.
CREATE INDEX moderation_case_queue ON moderation_case (queued_at, id) WHERE open;
CREATE INDEX moderation_case_author ON moderation_case (author_id);

-- Names in the film (cast and characters) beyond its synopsis are spoiler evidence.
ALTER TABLE film_profile ADD COLUMN names jsonb NOT NULL DEFAULT '[]';

-- Every machine and human action on a review. Rows are only ever added: see the trigger below.
CREATE TABLE audit_entry (
    id              bigserial   PRIMARY KEY,
    review_id       uuid        NOT NULL,
    version         bigint      NOT NULL,
    film_id         uuid        NOT NULL,
    -- MACHINE_DECISION, CLAIM, RELEASE, DECISION, TAKE_DOWN, RESTORE, APPEAL_RECEIVED, WITHDRAWN, SUPERSEDED
    action          text        NOT NULL,
    -- engine/<version>, a moderator's user name, or the author's for an appeal
    actor           text        NOT NULL,
    decision        text,
    reason_code     text,
    reason          text,
    engine_version  text        NOT NULL,
    -- for a human decision: whether it differs from what the engine had decided (null: the engine held it)
    overturned      boolean,
    appeal          boolean     NOT NULL DEFAULT false,
    at              timestamptz NOT NULL
);
CREATE INDEX audit_entry_review ON audit_entry (review_id, id);
-- statistics read the log by time
CREATE INDEX audit_entry_at ON audit_entry (at);

-- Append-only whatever role connects: the table owner included, so a grant alone would not do.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

-- What the engine decided before this migration is history too.
INSERT INTO audit_entry (review_id, version, film_id, action, actor, decision, reason, engine_version, at)
SELECT review_id, version, film_id, 'MACHINE_DECISION', decided_by, outcome,
       coalesce((SELECT string_agg(r ->> 'message', ' ') FROM jsonb_array_elements(reasons) r), 'No spam or spoiler signals were found.'),
       engine_version, decided_at
FROM moderation_case ORDER BY decided_at;

-- Moderator decisions waiting to be taught to the engine; deleted in the transaction that stores
-- the engine state which includes them, so each is learned once.
CREATE TABLE engine_lesson (
    id                bigserial   PRIMARY KEY,
    case_id           uuid        NOT NULL REFERENCES moderation_case (id),
    outcome           text        NOT NULL,
    spoiler_sentences jsonb,
    created_at        timestamptz NOT NULL
);

-- What the engine has learned from moderators (ModerationEngine.snapshot()); the newest row wins.
CREATE TABLE engine_model (
    id                bigserial   PRIMARY KEY,
    engine_version    text        NOT NULL,
    decisions_learned bigint      NOT NULL,
    snapshot          bytea       NOT NULL,
    saved_at          timestamptz NOT NULL
);
