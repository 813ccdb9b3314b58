-- Platform's inbox (Inbox): the events each consumer has applied, so that a redelivered event is applied once.
CREATE TABLE inbox_event (
    event_id     text        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
