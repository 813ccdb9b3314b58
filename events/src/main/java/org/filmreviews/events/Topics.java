package org.filmreviews.events;

import java.util.Map;

/**
 * Topic names of the public contract, and how the broker keeps each one's records. A breaking change to a payload
 * gets a new {@code .v2} topic. Each consuming service dead-letters what it can never process to a topic of its own,
 * {@code <service>.<topic>.dlq}.
 * <p>
 * The services create the topics they name ({@code filmreviews.topics.names}) with the retention given here
 * (platform's {@code TopicProvisioner}); the AsyncAPI document says the same (checked by {@code EventContractTest}).
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

    /** How the broker keeps a topic's records. */
    public enum Retention {
        /**
         * The newest record of each key ({@code cleanup.policy=compact}). catalog.film-changed.v1 carries the whole
         * film on every change, keyed by film id, so compaction keeps exactly the newest version of each film (retired
         * films included): a new subscriber reads the topic from offset 0 and has every film. The broker's defaults
         * apply otherwise (min.cleanable.dirty.ratio 0.5, delete.retention.ms 1 day, segment.ms 7 days), so superseded
         * versions linger until their segment rolls, which consumers handle by version.
         */
        COMPACTED,
        /**
         * Every record, for good ({@code retention.ms=-1}, also set on a topic created earlier without it). The review
         * events are the log the catalog rebuilds its pages from: they are keyed by film, so compaction would lose
         * reviews, and a time retention would make a rebuild silently incomplete.
         */
        FOREVER,
        /** The broker's defaults: a topic that is not part of this contract. */
        BROKER_DEFAULT
    }

    private static final Map<String, Retention> RETENTION = Map.of(
            FILM_CHANGED, Retention.COMPACTED,
            REVIEW_SUBMITTED, Retention.FOREVER,
            REVIEW_WITHDRAWN, Retention.FOREVER,
            REVIEW_VOTED, Retention.FOREVER,
            REVIEW_APPEALED, Retention.FOREVER,
            REVIEW_REPORTED, Retention.FOREVER,
            REVIEW_DECIDED, Retention.FOREVER);

    private Topics() {
    }

    /** The dead-letter topic of one consuming service for one input topic. */
    public static String deadLetter(String consumingService, String topic) {
        return consumingService + "." + topic + DLQ_SUFFIX;
    }

    /** How the broker is to keep the records of a topic of the contract (a dead-letter topic is not one). */
    public static Retention retention(String topic) {
        return RETENTION.getOrDefault(topic, Retention.BROKER_DEFAULT);
    }
}
