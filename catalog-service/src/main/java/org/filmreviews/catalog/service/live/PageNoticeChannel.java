package org.filmreviews.catalog.service.live;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * How a page change travels to the live readers of every instance: a PostgreSQL NOTIFY on {@link #CHANNEL}, sent
 * by the transaction that made the change, heard by each instance's {@link PageNoticeListener}.
 * <p>
 * PostgreSQL delivers a notification only when the transaction that sent it commits, and delivers the notifications
 * of committed transactions in commit order: a reader never hears of a change it cannot read yet, never hears of one
 * that was rolled back, and hears of two changes of a page in the order they were made.
 * <p>
 * The payload is a line of a few fields, never page content (PostgreSQL limits it to 8000 bytes): the kind of
 * change, the film, the review and, for a vote, the new totals. Each instance renders what its readers need from
 * the database on receipt.
 */
@ApplicationScoped
public class PageNoticeChannel {

    /** The channel, per database: every instance sharing the catalog database listens on it. */
    public static final String CHANNEL = "catalog_page_changes";

    /** First field of every payload; a payload of another version (an instance of a newer release) is skipped. */
    private static final String VERSION = "v1";
    private static final String NONE = "-";

    @Inject
    EntityManager entityManager;

    /**
     * Sends the changes, in this order, with the current transaction: they reach the readers of every instance
     * when it commits, and never if it rolls back. One statement however many changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<PageChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String[] payloads = new String[changes.size()];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = payload(i, changes.get(i));
        }
        // COMMIT flush mode: a NOTIFY reads no table, so the pending row changes need not be written before it.
        entityManager.createNativeQuery("SELECT pg_notify(:channel, payload) FROM unnest(cast(:payloads AS text[]))"
                + " WITH ORDINALITY AS sent(payload, position) ORDER BY position")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("channel", CHANNEL)
                .setParameter("payloads", payloads)
                .getResultList();
    }

    /**
     * The payload of the {@code position}-th change sent by one transaction. The position keeps payloads distinct:
     * PostgreSQL delivers identical payloads sent by one transaction only once, which would drop, say, the last of
     * three votes whose totals went 3, 4 and back to 3.
     */
    public static String payload(int position, PageChange change) {
        return String.join(" ", VERSION, Integer.toString(position), change.kind().name(), text(change.filmId()),
                text(change.reviewId()),
                text(change.helpful()), text(change.notHelpful()));
    }

    /** The change a payload announces, without its rendered parts; null for a payload this release cannot read. */
    public static PageChange change(String payload) {
        String[] fields = payload == null ? new String[0] : payload.split(" ");
        if (fields.length != 7 || !VERSION.equals(fields[0])) {
            return null;
        }
        try {
            return new PageChange(PageChange.Kind.valueOf(fields[2]), uuid(fields[3]), uuid(fields[4]), integer(fields[5]),
                    integer(fields[6]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? NONE : value.toString();
    }

    private static UUID uuid(String field) {
        return NONE.equals(field) ? null : UUID.fromString(field);
    }

    private static Integer integer(String field) {
        return NONE.equals(field) ? null : Integer.valueOf(field);
    }
}
