package org.filmreviews.events;

/**
 * Topic names of the public contract. A breaking change to a payload gets a new {@code .v2} topic.
 * Each consuming service dead-letters what it can never process to a topic of its own,
 * {@code <service>.<topic>.dlq}.
 */
public final class Topics {

    public static final String REVIEW_SUBMITTED = "reviews.review-submitted.v1";
    public static final String REVIEW_WITHDRAWN = "reviews.review-withdrawn.v1";
    public static final String REVIEW_VOTED = "reviews.review-voted.v1";
    public static final String REVIEW_APPEALED = "reviews.review-appealed.v1";
    public static final String REVIEW_REPORTED = "reviews.review-reported.v1";
    public static final String REVIEW_DECIDED = "moderation.review-decided.v1";
    public static final String FILM_CHANGED = "catalog.film-changed.v1";

    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of one consuming service for one input topic. */
    public static String deadLetter(String consumingService, String topic) {
        return consumingService + "." + topic + DLQ_SUFFIX;
    }
}
