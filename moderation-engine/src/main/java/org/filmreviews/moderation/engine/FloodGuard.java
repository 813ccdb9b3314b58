package org.filmreviews.moderation.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, per author, their recent posts inside the flood window, so that the engine can count how often one author
 * posted nearly the same text in a short time.
 *
 * <p>Memory is bounded twice: at most {@code maxPostsPerAuthor} posts per author and at most {@code maxAuthors}
 * authors, the least recently active forgotten first. Not thread-safe on its own: {@link LocalSubmissionMemory}
 * holds the lock.
 */
final class FloodGuard {

    private final int maxAuthors;
    private final int maxPostsPerAuthor;
    private final Map<String, ArrayDeque<SubmissionMemory.Entry>> recentByAuthor;

    FloodGuard(int maxAuthors, int maxPostsPerAuthor) {
        this.maxAuthors = Math.max(1, maxAuthors);
        this.maxPostsPerAuthor = Math.max(1, maxPostsPerAuthor);
        this.recentByAuthor = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<SubmissionMemory.Entry>> eldest) {
                return size() > FloodGuard.this.maxAuthors;
            }
        };
    }

    /** The author's other posts in {@code [millis - windowMillis, millis]} of the arrival. */
    List<SubmissionMemory.Entry> recentPosts(SubmissionMemory.Entry arrival, long windowMillis) {
        ArrayDeque<SubmissionMemory.Entry> posts = recentByAuthor.get(arrival.authorId());
        if (posts == null) {
            return List.of();
        }
        long millis = arrival.submittedAtMillis();
        List<SubmissionMemory.Entry> found = new ArrayList<>();
        for (SubmissionMemory.Entry post : posts) {
            if (!post.reviewId().equals(arrival.reviewId()) && post.submittedAtMillis() <= millis
                    && post.submittedAtMillis() >= millis - windowMillis) {
                found.add(post);
            }
        }
        return found;
    }

    void remember(SubmissionMemory.Entry entry, long windowMillis) {
        ArrayDeque<SubmissionMemory.Entry> posts = recentByAuthor.computeIfAbsent(entry.authorId(), a -> new ArrayDeque<>());
        long millis = entry.submittedAtMillis();
        posts.removeIf(post -> post.reviewId().equals(entry.reviewId()) || post.submittedAtMillis() < millis - windowMillis);
        posts.addLast(entry);
        while (posts.size() > maxPostsPerAuthor) {
            posts.removeFirst();
        }
    }

    void forget(String reviewId) {
        for (Iterator<ArrayDeque<SubmissionMemory.Entry>> it = recentByAuthor.values().iterator(); it.hasNext();) {
            ArrayDeque<SubmissionMemory.Entry> posts = it.next();
            posts.removeIf(post -> post.reviewId().equals(reviewId));
            if (posts.isEmpty()) {
                it.remove();
            }
        }
    }
}
