package org.filmreviews.platform.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * When a row that failed is parked, so that it stops nobody else: after {@code park-after-attempts} refusals
 * that name the record itself (too large, a topic it may not write), or after that many attempts over at least
 * {@code park-after} of failing while other rows were acknowledged (a deleted topic, a partition that stays
 * away). While nothing gets through the broker is away, and no row is parked for it.
 */
record ParkingRule(int parkAfterAttempts, Duration parkAfter) {

    /** What one more failed attempt of a row leaves it with. */
    record Verdict(int attempts, Instant failingAloneSince, boolean park) {
    }

    /**
     * Whether a failed send says something about the record itself (too large, a topic it may not write), as
     * opposed to the way to the broker: a retriable error (the broker away, no leader), or credentials the
     * broker refuses (a wrong or rotated SASL password, an expired client certificate). Those hold for every
     * row alike, so no row is parked for them: the rows wait, in order, until the connection is fixed.
     */
    static boolean isAboutTheRecord(Exception failure) {
        return !(failure instanceof org.apache.kafka.common.errors.RetriableException
                || failure instanceof org.apache.kafka.common.errors.AuthenticationException);
    }

    /**
     * @param attemptsBefore the row's failed attempts so far
     * @param failingAloneSince when the row first failed on its own (null while it only failed with everyone)
     * @param othersGotThrough whether rows of the same round were acknowledged
     */
    Verdict afterFailure(int attemptsBefore, Instant failingAloneSince, Exception failure, boolean othersGotThrough,
            Instant now) {
        boolean aboutThisRecord = isAboutTheRecord(failure);
        Instant alone = failingAloneSince != null ? failingAloneSince : aboutThisRecord || othersGotThrough ? now : null;
        int attempts = attemptsBefore + 1;
        boolean park = attempts >= parkAfterAttempts && (aboutThisRecord
                || othersGotThrough && alone != null && Duration.between(alone, now).compareTo(parkAfter) >= 0);
        return new Verdict(attempts, alone, park);
    }
}
