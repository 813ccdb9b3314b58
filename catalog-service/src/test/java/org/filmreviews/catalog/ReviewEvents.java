package org.filmreviews.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.Decision;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.events.Scores;
import org.filmreviews.events.TextSpan;

/** Review events of one film, published on the real broker the way review- and moderation-service do. */
final class ReviewEvents {

    final EventTestClient kafka;
    final UUID filmId;

    ReviewEvents(EventTestClient kafka, String filmId) {
        this.kafka = kafka;
        this.filmId = UUID.fromString(filmId);
    }

    /** A published review (version 1 unless said otherwise); returns the event id. */
    String publish(UUID review, long version, String author, Integer rating, String body, Instant submittedAt) {
        return decide(review, version, Decision.PUBLISH, new PublishedReview(author, author.toLowerCase(), rating, null, body,
                false, List.of(), submittedAt));
    }

    String publishSpoiler(UUID review, long version, String author, Integer rating, String body, List<TextSpan> spans,
            Instant submittedAt) {
        return decide(review, version, Decision.PUBLISH_SPOILER, new PublishedReview(author, author.toLowerCase(), rating,
                null, body, true, spans, submittedAt));
    }

    String decide(UUID review, long version, Decision decision, PublishedReview published) {
        return send(new ReviewDecided(review, filmId, version, decision,
                new Scores(0.01, decision == Decision.PUBLISH_SPOILER ? 0.9 : 0.1),
                List.of(new Reason("test", "A test decision.")), published, "engine/test", Instant.now()), review);
    }

    String reject(UUID review, long version) {
        return decide(review, version, Decision.REJECT, null);
    }

    String hold(UUID review, long version) {
        return decide(review, version, Decision.HOLD, null);
    }

    String withdraw(UUID review, long version) {
        return send(new ReviewWithdrawn(review, filmId, version, Instant.now()), review);
    }

    String vote(UUID review, long version, long tally, int helpful, int notHelpful) {
        return send(new ReviewVoted(review, filmId, version, tally, helpful, notHelpful, Instant.now()), review);
    }

    String send(Object payload, UUID review) {
        return kafka.publish(payload, filmId.toString(), review.toString());
    }
}
