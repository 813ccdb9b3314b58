package org.filmreviews.review.service.review;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.inbox.AppliedOnce;
import org.filmreviews.review.domain.ModerationReason;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;
import org.filmreviews.review.repository.ReviewRepository;
import org.jboss.logging.Logger;

/**
 * Shows authors what moderation decided about the current version of their review, and keeps track of
 * whether a version of it is on the film page.
 */
@ApplicationScoped
public class ReviewStatusService {

    static final String CONSUMER = "reviews.status";
    private static final Logger LOG = Logger.getLogger(ReviewStatusService.class);

    @Inject
    ReviewRepository reviews;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, ReviewDecided decided) {
        // Locked: an edit, a vote or a withdrawal committing meanwhile must not be overwritten by this write.
        Review review = reviews.findById(decided.reviewId(), LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            LOG.warnf("Decision %s is about review %s, which this service does not know", eventId, decided.reviewId());
            return;
        }
        if (review.status == ReviewStatus.WITHDRAWN) {
            return; // withdrawn for good: nothing brings it back
        }
        if (decided.version() >= review.pageVersion) {
            // What the film page shows, by the catalog's rule: the newest decision counts; a held new
            // version leaves the published one in place.
            review.pageVersion = decided.version();
            switch (decided.decision()) {
                case PUBLISH, PUBLISH_SPOILER -> {
                    review.onPage = true;
                    review.shownVersion = decided.version();
                }
                case REJECT -> review.onPage = false;
                case HOLD -> {
                }
            }
        }
        if (decided.version() != review.version) {
            return; // the author's status is about the current version; this one has since been edited
        }
        review.status = ReviewStatus.of(decided.decision());
        review.reasons = decided.reasons().stream().map(r -> new ModerationReason(r.code(), r.message())).toList();
        review.decidedAt = decided.decidedAt() == null ? Instant.now() : decided.decidedAt();
    }
}
