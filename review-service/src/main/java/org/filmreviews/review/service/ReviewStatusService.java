package org.filmreviews.review.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.inbox.Inbox;
import org.filmreviews.review.domain.ModerationReason;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;
import org.filmreviews.review.repository.ReviewRepository;
import org.jboss.logging.Logger;

/** Shows authors what moderation decided about the current version of their review. */
@ApplicationScoped
public class ReviewStatusService {

    static final String CONSUMER = "reviews.status";
    private static final Logger LOG = Logger.getLogger(ReviewStatusService.class);

    @Inject
    Inbox inbox;

    @Inject
    ReviewRepository reviews;

    @Transactional
    public void apply(String eventId, ReviewDecided decided) {
        if (!inbox.firstDelivery(eventId, CONSUMER)) {
            return;
        }
        Review review = reviews.findById(decided.reviewId());
        if (review == null) {
            LOG.warnf("Decision %s is about review %s, which this service does not know", eventId, decided.reviewId());
            return;
        }
        if (decided.version() != review.version || review.status == ReviewStatus.WITHDRAWN) {
            return; // about a version that has since been edited or withdrawn
        }
        review.status = ReviewStatus.of(decided.decision());
        review.reasons = decided.reasons().stream().map(r -> new ModerationReason(r.code(), r.message())).toList();
        review.decidedAt = decided.decidedAt() == null ? Instant.now() : decided.decidedAt();
    }
}
