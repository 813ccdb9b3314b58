-- First responses to requests sent with an Idempotency-Key (platform's IdempotentRequests).
CREATE TABLE idempotency_key (
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer,
    content_type    text,
    body            text,
    location        text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
-- Expired responses are deleted by age.
CREATE INDEX idempotency_key_age ON idempotency_key (created_at);
