package org.filmreviews.moderation.queue.rest;

import java.util.List;

/** One page of the queue, oldest first; {@code next} is the path of the following page or null. */
public record QueueResponse(List<CaseResponse> items, String next) {
}
