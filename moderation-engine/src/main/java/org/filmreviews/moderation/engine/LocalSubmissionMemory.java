package org.filmreviews.moderation.engine;

/**
 * The memory of one process: a near-duplicate index and a flood guard, both bounded. One lock over both makes a
 * lookup and the insert that follows it one atomic step.
 */
final class LocalSubmissionMemory implements SubmissionMemory {

    private final NearDuplicateIndex nearDuplicates;
    private final FloodGuard floodGuard;

    LocalSubmissionMemory(int capacity) {
        this.nearDuplicates = new NearDuplicateIndex(capacity);
        this.floodGuard = new FloodGuard(Math.max(1000, capacity / 4), 64);
    }

    @Override
    public synchronized Neighbours neighbours(Entry arrival, int[] bandKeys, long windowMillis, boolean remember) {
        Neighbours found = new Neighbours(
                bandKeys.length == 0 ? java.util.List.of() : nearDuplicates.candidates(arrival, bandKeys),
                floodGuard.recentPosts(arrival, windowMillis));
        if (remember) {
            remember(arrival, bandKeys, windowMillis);
        }
        return found;
    }

    @Override
    public synchronized void remember(Entry entry, int[] bandKeys, long windowMillis) {
        if (bandKeys.length > 0) {
            nearDuplicates.remember(entry, bandKeys);
        } else {
            nearDuplicates.forget(entry.reviewId()); // an edit too short to compare is no copy of anything
        }
        floodGuard.remember(entry, windowMillis);
    }

    @Override
    public synchronized void forget(String reviewId) {
        nearDuplicates.forget(reviewId);
        floodGuard.forget(reviewId);
    }
}
