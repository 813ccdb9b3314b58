package org.filmreviews.catalog.service;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.platform.inbox.Inbox;
import org.jboss.logging.Logger;

/**
 * Turns moderation decisions into page data. Idempotent (each event id once, through the inbox) and
 * ordered (a version older than the one on the page is ignored), so redelivery and replay change
 * nothing.
 */
@ApplicationScoped
public class ReviewProjection {

    static final String CONSUMER = "catalog.page";
    private static final Logger LOG = Logger.getLogger(ReviewProjection.class);

    @Inject
    Inbox inbox;

    @Inject
    PageReviewRepository reviews;

    @Inject
    FilmRatingRepository ratings;

    @Transactional
    public void apply(String eventId, ReviewDecided decided) {
        if (!inbox.firstDelivery(eventId, CONSUMER)) {
            return;
        }
        PageReview current = reviews.findById(decided.reviewId());
        if (current != null && decided.version() < current.version) {
            LOG.debugf("Ignoring decision on version %d of review %s: version %d is on the page",
                    (Object) decided.version(), decided.reviewId(), current.version);
            return;
        }
        switch (decided.decision()) {
            case PUBLISH, PUBLISH_SPOILER -> show(current, decided);
            case REJECT -> hide(current, decided);
            case HOLD -> {
                // A held new version waits for a moderator; whatever was published stays meanwhile.
            }
        }
    }

    private void show(PageReview current, ReviewDecided decided) {
        PublishedReview published = decided.review();
        PageReview row = current == null ? newRow(decided.reviewId(), decided.filmId()) : current;
        FilmRating rating = ratings.findOrCreate(row.filmId);
        if (row.visible) {
            rating.remove(row.rating);
        }
        row.version = decided.version();
        row.visible = true;
        row.author = published.author();
        row.authorUsername = published.authorUsername();
        row.rating = published.rating();
        row.headline = published.headline();
        row.body = published.body();
        row.excerpt = PageReview.excerptOf(published.body());
        row.spoiler = published.spoiler();
        row.spoilerSentences = published.spoilerSentences() == null ? "" : published.spoilerSentences().stream()
                .map(s -> s.start() + "-" + s.end()).collect(Collectors.joining(","));
        row.submittedAt = published.submittedAt();
        row.updatedAt = Instant.now();
        rating.add(row.rating);
        if (current == null) {
            reviews.persist(row);
        }
    }

    private void hide(PageReview current, ReviewDecided decided) {
        PageReview row = current == null ? newRow(decided.reviewId(), decided.filmId()) : current;
        if (row.visible) {
            ratings.findOrCreate(row.filmId).remove(row.rating);
        }
        row.version = decided.version();
        row.visible = false;
        row.updatedAt = Instant.now();
        if (current == null) {
            reviews.persist(row);
        }
    }

    private static PageReview newRow(UUID reviewId, UUID filmId) {
        PageReview row = new PageReview();
        row.reviewId = reviewId;
        row.filmId = filmId;
        return row;
    }
}
