package org.filmreviews.moderation.queue;

import java.util.List;

/** One page of the queue, and where the next begins (null at the end). */
public record QueueSlice(List<CaseFile> items, QueueCursor next) {
}
