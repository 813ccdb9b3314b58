package org.filmreviews.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.inbox.Inbox;
import org.filmreviews.platform.kafka.IncomingEvent;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns review events into page data: moderation decisions, withdrawals and helpful votes.
 * <p>
 * Idempotent (each event id once, through the inbox) and ordered per review: a decision older than
 * the version on the page is ignored (an equal one is applied, since moderators take a review down and
 * restore it on its current version); a withdrawal is final for the versions up to the one withdrawn;
 * vote totals count only when their tally is higher than the one applied. So redelivery and replay
 * change nothing, and the result does not depend on how the three topics interleave.
 */
@ApplicationScoped
public class ReviewProjection {

    static final String CONSUMER = "catalog.page";
    private static final Logger LOG = Logger.getLogger(ReviewProjection.class);
    private static final Duration LONGEST_WAIT_STEP = Duration.ofSeconds(1);

    @Inject
    Inbox inbox;

    @Inject
    PageReviewRepository reviews;

    @Inject
    FilmRatingRepository ratings;

    @Inject
    ProjectionLock lock;

    @Inject
    Event<PageChange> changes;

    @Inject
    PageNotices notices;

    @Inject
    PageFragments fragments;

    public void apply(String eventId, ReviewDecided decided) {
        live(eventId, decided.filmId(), announce -> decide(decided, announce));
    }

    public void apply(String eventId, ReviewWithdrawn withdrawn) {
        live(eventId, withdrawn.filmId(), announce -> withdraw(withdrawn, announce));
    }

    public void apply(String eventId, ReviewVoted voted) {
        live(eventId, voted.filmId(), announce -> vote(voted, announce));
    }

    /**
     * Applies an event during a rebuild: the caller holds the transaction and the exclusive page data
     * lock, and tells readers once at the end instead of per event.
     *
     * @return false when the event id was applied already (the same event twice in the log)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replay(String eventId, Object payload) {
        if (!inbox.firstDelivery(eventId, CONSUMER)) {
            return false;
        }
        effect(payload, change -> {
        });
        return true;
    }

    /**
     * Applies the events of one poll in one transaction, under the shared page data lock and the locks of
     * their films, taken first and in one order (by film id) so that batches of the three consumers never wait
     * for each other in a circle. While a rebuild holds the page data it throws at once, having applied
     * nothing: the events are then applied one at a time, and each of those waits for the rebuild.
     */
    public void applyAll(List<? extends IncomingEvent<?>> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!lock.trySharedPageData()) {
                throw new IllegalStateException("A rebuild holds the page data");
            }
            events.stream().map(event -> filmOf(event.payload())).distinct().sorted().forEach(lock::film);
            for (IncomingEvent<?> event : events) {
                if (inbox.firstDelivery(event.id(), CONSUMER)) {
                    effect(event.payload(), changes::fire);
                }
            }
        });
    }

    private void effect(Object payload, Consumer<PageChange> announce) {
        if (payload instanceof ReviewDecided decided) {
            decide(decided, announce);
        } else if (payload instanceof ReviewWithdrawn withdrawn) {
            withdraw(withdrawn, announce);
        } else if (payload instanceof ReviewVoted voted) {
            vote(voted, announce);
        } else {
            throw new IllegalArgumentException("Not a page event: " + payload.getClass());
        }
    }

    private static UUID filmOf(Object payload) {
        if (payload instanceof ReviewDecided decided) {
            return decided.filmId();
        } else if (payload instanceof ReviewWithdrawn withdrawn) {
            return withdrawn.filmId();
        } else if (payload instanceof ReviewVoted voted) {
            return voted.filmId();
        }
        throw new IllegalArgumentException("Not a page event: " + payload.getClass());
    }

    /**
     * One event, one transaction. While a rebuild holds the page data the transaction is given up at once
     * and tried again a little later, rather than held open (and timed out) for the whole rebuild; the
     * consumer simply waits, and its record stays uncommitted in Kafka until it is applied.
     */
    private void live(String eventId, UUID filmId, Consumer<Consumer<PageChange>> effect) {
        long waitMillis = 50;
        while (true) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                if (!lock.trySharedPageData()) {
                    return false;
                }
                lock.film(filmId);
                if (inbox.firstDelivery(eventId, CONSUMER)) {
                    effect.accept(changes::fire);
                }
                return true;
            });
            if (done) {
                return;
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the page data was being rebuilt", e);
            }
            waitMillis = Math.min(waitMillis * 2, LONGEST_WAIT_STEP.toMillis());
        }
    }

    private void decide(ReviewDecided decided, Consumer<PageChange> announce) {
        PageReview current = reviews.findById(decided.reviewId());
        if (current != null && !current.acceptsDecisionOn(decided.version())) {
            LOG.debugf("Ignoring decision on version %d of review %s: version %d is on the page (withdrawn: %s)",
                    (Object) decided.version(), decided.reviewId(), current.version, current.withdrawnVersion);
            return;
        }
        switch (decided.decision()) {
            case PUBLISH, PUBLISH_SPOILER -> show(current, decided, announce);
            case REJECT -> hide(current, decided.reviewId(), decided.filmId(), decided.version(), announce);
            case HOLD -> {
                // A held new version waits for a moderator; whatever was published stays meanwhile.
            }
        }
    }

    private void show(PageReview current, ReviewDecided decided, Consumer<PageChange> announce) {
        PublishedReview published = decided.review();
        if (published == null || published.body() == null || published.submittedAt() == null) {
            throw new InvalidEventException("Decision " + decided.decision() + " on review " + decided.reviewId()
                    + " does not carry the review as published");
        }
        PageReview row = current == null ? PageReview.placeholder(decided.reviewId(), decided.filmId()) : current;
        boolean wasVisible = row.visible;
        FilmRating rating = ratings.findOrCreate(row.filmId);
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
            reviews.persist(row);
        }
        announce.accept(withParts(new PageChange(wasVisible ? PageChange.Kind.CHANGED : PageChange.Kind.PUBLISHED, row.filmId,
                row.reviewId), row, rating));
    }

    private void hide(PageReview current, UUID reviewId, UUID filmId, long version, Consumer<PageChange> announce) {
        PageReview row = current == null ? PageReview.placeholder(reviewId, filmId) : current;
        boolean wasVisible = row.visible;
        FilmRating rating = wasVisible ? ratings.findOrCreate(row.filmId) : null;
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
            reviews.persist(row);
        }
        if (wasVisible) {
            announce.accept(withParts(new PageChange(PageChange.Kind.REMOVED, row.filmId, row.reviewId), row, rating));
        }
    }

    /**
     * A change of a page someone follows live carries the page's parts as this transaction leaves them, rendered
     * here from the rows in hand (no second read, once for all readers); with nobody following, nothing is rendered.
     */
    private PageChange withParts(PageChange change, PageReview row, FilmRating rating) {
        if (!notices.followed(change.filmId())) {
            return change;
        }
        try {
            return change.withHtml(fragments.render(row.visible ? row : null, rating));
        } catch (RuntimeException e) {
            // Without its parts the notice still goes out; the page then fetches itself again.
            LOG.warnf(e, "Could not render the parts of film %s that changed", change.filmId());
            return change;
        }
    }

    private void withdraw(ReviewWithdrawn withdrawn, Consumer<PageChange> announce) {
        PageReview current = reviews.findById(withdrawn.reviewId());
        if (current != null && withdrawn.version() < current.version) {
            // The author withdrew an older version, and a newer one was submitted since: it stands.
            LOG.debugf("Ignoring withdrawal of version %d of review %s: version %d is newer",
                    (Object) withdrawn.version(), withdrawn.reviewId(), current.version);
            return;
        }
        hide(current, withdrawn.reviewId(), withdrawn.filmId(), withdrawn.version(), announce);
        PageReview row = current == null ? reviews.findById(withdrawn.reviewId()) : current;
        row.withdrawnVersion = row.withdrawnVersion == null ? withdrawn.version() : Math.max(row.withdrawnVersion, withdrawn.version());
    }

    private void vote(ReviewVoted voted, Consumer<PageChange> announce) {
        PageReview row = reviews.findById(voted.reviewId());
        if (row == null) {
            // Votes may overtake the decision that publishes the review: keep them for it.
            row = PageReview.placeholder(voted.reviewId(), voted.filmId());
            row.updatedAt = Instant.now();
            reviews.persist(row);
        }
        if (voted.tally() <= row.voteTally) {
            return;
        }
        row.voteTally = voted.tally();
        row.helpful = voted.helpful();
        row.notHelpful = voted.notHelpful();
        row.updatedAt = Instant.now();
        if (row.visible) {
            announce.accept(new PageChange(PageChange.Kind.VOTED, row.filmId, row.reviewId, row.helpful, row.notHelpful));
        }
    }
}
