package org.filmreviews.platform.outbox;

/**
 * The one way the outbox's backlog is counted, by {@link OutboxLagMetrics} and by the relay's own gauges and
 * health ({@link RelayStats}): both halves of {@link #LAG} are answered from the partial index
 * {@code outbox_event_unsent} ({@code seq} where {@code sent_at} and {@code parked_at} are null), so counting
 * reads only the waiting rows' index entries however many sent rows the table keeps; the oldest is the first
 * entry in {@code seq} order (rows get their {@code seq} as they are inserted, so the first is the oldest but
 * for rows written within the same moment).
 */
final class OutboxBacklog {

    /** The waiting rows' count and the oldest one's {@code created_at} (null when none waits). */
    static final String LAG = "SELECT"
            + " (SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL),"
            + " (SELECT created_at FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT 1)";

    /** {@link #LAG} and, third, the parked rows' count (no index covers those, so this part reads the table). */
    static final String LAG_AND_PARKED = LAG
            + ", (SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL)";

    private OutboxBacklog() {
    }
}
