package org.filmreviews.events;

/**
 * Topic names of the public contract. A breaking change to a payload gets a new {@code .v2} topic;
 * consumers dead-letter what they cannot process to {@code <topic>.dlq}.
 */
public final class Topics {

    public static final String REVIEW_SUBMITTED = "reviews.review-submitted.v1";
    public static final String REVIEW_WITHDRAWN = "reviews.review-withdrawn.v1";
    public static final String REVIEW_VOTED = "reviews.review-voted.v1";
    public static final String REVIEW_APPEALED = "reviews.review-appealed.v1";
    public static final String REVIEW_DECIDED = "moderation.review-decided.v1";
    public static final String FILM_CHANGED = "catalog.film-changed.v1";

    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
