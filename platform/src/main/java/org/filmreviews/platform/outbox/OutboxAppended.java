package org.filmreviews.platform.outbox;

import java.util.UUID;

/** CDI event fired when an outbox row is written; observed after commit. */
public record OutboxAppended(UUID eventId) {
}
