package org.filmreviews.catalog.service.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageNoticeChannel;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.inbox.Inbox;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns review events into page data as they arrive: moderation decisions, withdrawals and helpful votes, by
 * {@link PageRules} on the stored rows. Idempotent (each event id once, through the inbox) and, by the rules,
 * ordered per review: redelivery and replay change nothing, and the result does not depend on how the three
 * topics interleave.
 * <p>
 * What a reader of the page would see change is announced by the same transaction ({@link PageNoticeChannel}), so
 * that readers on every instance hear of it once it committed, and only if it did.
 */
@ApplicationScoped
public class ReviewProjection {

    static final String CONSUMER = "catalog.page";
    private static final Duration LONGEST_WAIT_STEP = Duration.ofSeconds(1);

    @Inject
    Inbox inbox;

    @Inject
    StoredPageRows rows;

    @Inject
    ProjectionLock lock;

    @Inject
    PageNoticeChannel notices;

    public void apply(String eventId, ReviewDecided decided) {
        live(eventId, decided);
    }

    public void apply(String eventId, ReviewWithdrawn withdrawn) {
        live(eventId, withdrawn);
    }

    public void apply(String eventId, ReviewVoted voted) {
        live(eventId, voted);
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
            events.stream().map(event -> PageRules.filmOf(event.payload())).distinct().sorted().forEach(lock::film);
            List<PageChange> changed = new ArrayList<>();
            for (IncomingEvent<?> event : events) {
                try (Scope scope = event.applying()) {
                    if (inbox.firstDelivery(event.id(), CONSUMER)) {
                        PageRules.apply(event.payload(), rows, (change, row, rating) -> changed.add(change));
                    }
                }
            }
            notices.publish(changed);
        });
    }

    /**
     * One event, one transaction. While a rebuild holds the page data the transaction is given up at once
     * and tried again a little later, rather than held open (and timed out) for the whole rebuild; the
     * consumer simply waits, and its record stays uncommitted in Kafka until it is applied.
     */
    private void live(String eventId, Object payload) {
        UUID filmId = PageRules.filmOf(payload);
        long waitMillis = 50;
        while (true) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                if (!lock.trySharedPageData()) {
                    return false;
                }
                lock.film(filmId);
                if (inbox.firstDelivery(eventId, CONSUMER)) {
                    List<PageChange> changed = new ArrayList<>(1);
                    PageRules.apply(payload, rows, (change, row, rating) -> changed.add(change));
                    notices.publish(changed);
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
}
