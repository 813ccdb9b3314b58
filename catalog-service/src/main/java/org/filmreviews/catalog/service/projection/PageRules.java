package org.filmreviews.catalog.service.projection;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.ReviewWithdrawn;
import org.jboss.logging.Logger;

/**
 * How review events change page rows, written once for the two places the rows are changed: in the database one
 * event at a time as events arrive ({@link ReviewProjection}), and in memory a whole log at a time while the page
 * data is rebuilt ({@link PageRebuild}). Both must give the same rows, which {@link PageChecksum} compares.
 * <p>
 * Ordered per review, whatever the order the three topics interleave in: a decision older than the version on the
 * page is ignored (an equal one is applied, since moderators take a review down and restore it on its current
 * version); a withdrawal is final for the versions up to the one withdrawn; vote totals count only when their tally
 * is higher than the one applied. Each event id is applied once by the caller (the inbox, or the rebuild's own set).
 */
final class PageRules {

    private static final Logger LOG = Logger.getLogger(PageRules.class);

    /** Where the rules find and keep rows. */
    interface Rows {

        PageReview find(UUID reviewId);

        /** Keeps a row the rules just made: {@link #find} returns it from then on. */
        void add(PageReview row);

        /** The film's summary, made (empty) when it has none yet. */
        FilmRating rating(UUID filmId);
    }

    /** Told of each change a reader of the page would see, with the row and the summary as the change leaves them. */
    @FunctionalInterface
    interface Changes {

        /** For a rebuild, which tells readers once at the end. */
        Changes NONE = (change, row, rating) -> {
        };

        /** @param rating null for a vote, which touches no summary */
        void changed(PageChange change, PageReview row, FilmRating rating);
    }

    private PageRules() {
    }

    /** Applies a decision, withdrawal or vote. */
    static void apply(Object payload, Rows rows, Changes changes) {
        if (payload instanceof ReviewDecided decided) {
            decide(decided, rows, changes);
        } else if (payload instanceof ReviewWithdrawn withdrawn) {
            withdraw(withdrawn, rows, changes);
        } else if (payload instanceof ReviewVoted voted) {
            vote(voted, rows, changes);
        } else {
            throw new IllegalArgumentException("Not a page event: " + payload.getClass());
        }
    }

    /** The film whose page the event changes. */
    static UUID filmOf(Object payload) {
        if (payload instanceof ReviewDecided decided) {
            return decided.filmId();
        } else if (payload instanceof ReviewWithdrawn withdrawn) {
            return withdrawn.filmId();
        } else if (payload instanceof ReviewVoted voted) {
            return voted.filmId();
        }
        throw new IllegalArgumentException("Not a page event: " + payload.getClass());
    }

    private static void decide(ReviewDecided decided, Rows rows, Changes changes) {
        PageReview current = rows.find(decided.reviewId());
        if (current != null && !current.acceptsDecisionOn(decided.version())) {
            LOG.debugf("Ignoring decision on version %d of review %s: version %d is on the page (withdrawn: %s)",
                    (Object) decided.version(), decided.reviewId(), current.version, current.withdrawnVersion);
            return;
        }
        switch (decided.decision()) {
            case PUBLISH, PUBLISH_SPOILER -> show(current, decided, rows, changes);
            case REJECT -> hide(current, decided.reviewId(), decided.filmId(), decided.version(), rows, changes);
            case HOLD -> {
                // A held new version waits for a moderator; whatever was published stays meanwhile.
            }
        }
    }

    private static void show(PageReview current, ReviewDecided decided, Rows rows, Changes changes) {
        PublishedReview published = decided.review();
        if (published == null || published.body() == null || published.submittedAt() == null) {
            throw new InvalidEventException("Decision " + decided.decision() + " on review " + decided.reviewId()
                    + " does not carry the review as published");
        }
        PageReview row = current == null ? PageReview.placeholder(decided.reviewId(), decided.filmId()) : current;
        boolean wasVisible = row.visible;
        FilmRating rating = rows.rating(row.filmId);
        if (wasVisible) {
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
            rows.add(row);
        }
        changes.changed(
                new PageChange(wasVisible ? PageChange.Kind.CHANGED : PageChange.Kind.PUBLISHED, row.filmId, row.reviewId),
                row, rating);
    }

    private static void hide(PageReview current, UUID reviewId, UUID filmId, long version, Rows rows, Changes changes) {
        PageReview row = current == null ? PageReview.placeholder(reviewId, filmId) : current;
        boolean wasVisible = row.visible;
        FilmRating rating = wasVisible ? rows.rating(row.filmId) : null;
        if (wasVisible) {
            rating.remove(row.rating);
        }
        row.version = Math.max(row.version, version);
        row.visible = false;
        // Off the page, only the version (and votes) still matter; the text goes, as its author or
        // moderation wanted. This also makes the row the same whichever order the topics were read in.
        row.author = null;
        row.authorUsername = null;
        row.rating = null;
        row.headline = null;
        row.body = null;
        row.excerpt = null;
        row.spoiler = false;
        row.spoilerSentences = null;
        row.submittedAt = null;
        row.updatedAt = Instant.now();
        if (current == null) {
            rows.add(row);
        }
        if (wasVisible) {
            changes.changed(new PageChange(PageChange.Kind.REMOVED, row.filmId, row.reviewId), row, rating);
        }
    }

    private static void withdraw(ReviewWithdrawn withdrawn, Rows rows, Changes changes) {
        PageReview current = rows.find(withdrawn.reviewId());
        if (current != null && withdrawn.version() < current.version) {
            // The author withdrew an older version, and a newer one was submitted since: it stands.
            LOG.debugf("Ignoring withdrawal of version %d of review %s: version %d is newer",
                    (Object) withdrawn.version(), withdrawn.reviewId(), current.version);
            return;
        }
        hide(current, withdrawn.reviewId(), withdrawn.filmId(), withdrawn.version(), rows, changes);
        PageReview row = current == null ? rows.find(withdrawn.reviewId()) : current;
        row.withdrawnVersion = row.withdrawnVersion == null ? withdrawn.version()
                : Math.max(row.withdrawnVersion, withdrawn.version());
    }

    private static void vote(ReviewVoted voted, Rows rows, Changes changes) {
        PageReview row = rows.find(voted.reviewId());
        if (row == null) {
            // Votes may overtake the decision that publishes the review: keep them for it.
            row = PageReview.placeholder(voted.reviewId(), voted.filmId());
            row.updatedAt = Instant.now();
            rows.add(row);
        }
        if (voted.tally() <= row.voteTally) {
            return;
        }
        row.voteTally = voted.tally();
        row.helpful = voted.helpful();
        row.notHelpful = voted.notHelpful();
        row.updatedAt = Instant.now();
        if (row.visible) {
            changes.changed(new PageChange(PageChange.Kind.VOTED, row.filmId, row.reviewId, row.helpful, row.notHelpful), row,
                    null);
        }
    }
}
