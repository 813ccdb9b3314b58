package org.filmreviews.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of the contract: its CloudEvents type, the topic it travels on, its payload record and
 * the JSON Schema that payload must satisfy.
 */
public enum EventType {

    REVIEW_SUBMITTED("reviews.review.submitted.v1", Topics.REVIEW_SUBMITTED, ReviewSubmitted.class,
            "review-submitted.v1.json", Sources.REVIEW_SERVICE), REVIEW_WITHDRAWN("reviews.review.withdrawn.v1",
                    Topics.REVIEW_WITHDRAWN, ReviewWithdrawn.class,
                    "review-withdrawn.v1.json", Sources.REVIEW_SERVICE), REVIEW_VOTED("reviews.review.voted.v1",
                            Topics.REVIEW_VOTED, ReviewVoted.class,
                            "review-voted.v1.json", Sources.REVIEW_SERVICE), REVIEW_APPEALED("reviews.review.appealed.v1",
                                    Topics.REVIEW_APPEALED, ReviewAppealed.class,
                                    "review-appealed.v1.json", Sources.REVIEW_SERVICE), REVIEW_REPORTED(
                                            "reviews.review.reported.v1", Topics.REVIEW_REPORTED, ReviewReported.class,
                                            "review-reported.v1.json", Sources.REVIEW_SERVICE), REVIEW_DECIDED(
                                                    "moderation.review.decided.v1", Topics.REVIEW_DECIDED, ReviewDecided.class,
                                                    "review-decided.v1.json", Sources.MODERATION_SERVICE), FILM_CHANGED(
                                                            "catalog.film.changed.v1", Topics.FILM_CHANGED, FilmChanged.class,
                                                            "film-changed.v1.json", Sources.CATALOG_SERVICE);

    /** The {@code ce_source} of each producing service. */
    public static final class Sources {
        public static final String REVIEW_SERVICE = "/review-service";
        public static final String MODERATION_SERVICE = "/moderation-service";
        public static final String CATALOG_SERVICE = "/catalog-service";

        private Sources() {
        }
    }

    private final String ceType;
    private final String topic;
    private final Class<?> payloadType;
    private final String schemaFile;
    private final String source;

    EventType(String ceType, String topic, Class<?> payloadType, String schemaFile, String source) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaFile = schemaFile;
        this.source = source;
    }

    /**
     * The {@code ce_source} of the only service that may publish this type: consumers refuse (dead-letter)
     * a record of this type from any other source.
     */
    public String source() {
        return source;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + schemaFile;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event payload: " + payloadType));
    }
}
