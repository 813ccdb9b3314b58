package org.filmreviews.moderation.engine;

import java.util.List;

/**
 * What the engine remembers of recent submissions, to recognise copies of other authors' texts and an author posting
 * the same text again and again. The engine compares texts; a memory only stores and finds them.
 *
 * <p>The shipped memory ({@link #inMemory(EngineSettings)}) lives in one process. A service that runs several
 * instances gives every instance one memory they share (moderation-service keeps it in PostgreSQL), so that a copy
 * posted through any instance is compared with everything any instance saw.
 *
 * <p>The invariant every implementation keeps: {@link #neighbours} with {@code remember} is one atomic step, so two
 * similar arrivals (or two posts of one author) judged at the same moment, anywhere, are never both judged without
 * the other.
 */
public interface SubmissionMemory {

    /** One remembered version of a review: who posted it, for which film, when, and its text's MinHash signature. */
    record Entry(String reviewId, String authorId, String filmId, long submittedAtMillis, int[] signature) {
    }

    /**
     * What the memory holds near an arrival.
     *
     * @param candidates earlier entries by other authors that share at least one band with the arrival (possible
     *        copies, still to be compared), at most a few hundred, newest first
     * @param authorPosts the author's other entries submitted within the flood window before the arrival
     */
    record Neighbours(List<Entry> candidates, List<Entry> authorPosts) {
    }

    /**
     * The entries near {@code arrival}: never the arrival's own review id (a redelivered event or an edit does not
     * match itself), never an entry submitted after it. With {@code bandKeys} empty (a text too short to compare) no
     * candidates are looked for. With {@code remember}, the arrival is stored in the same atomic step, replacing the
     * earlier version of its review.
     */
    Neighbours neighbours(Entry arrival, int[] bandKeys, long windowMillis, boolean remember);

    /** Stores an entry without looking at its neighbours (replacing the earlier version of its review). */
    void remember(Entry entry, int[] bandKeys, long windowMillis);

    /** Forgets every version of a review, for example one its author withdrew. */
    void forget(String reviewId);

    /** The memory of one process, bounded by {@link EngineSettings#memoryCapacity()}. */
    static SubmissionMemory inMemory(EngineSettings settings) {
        return new LocalSubmissionMemory(settings.memoryCapacity());
    }
}
