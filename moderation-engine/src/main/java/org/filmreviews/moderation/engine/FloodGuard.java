package org.filmreviews.moderation.engine;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notices one author posting the same text again and again in a short time. It keeps, per author, the signatures
 * of their recent posts inside the window; the service decides from the count how many publish.
 *
 * <p>Memory is bounded twice: at most {@code maxPostsPerAuthor} posts per author and at most {@code maxAuthors}
 * authors, the least recently active forgotten first. Thread-safe.
 */
final class FloodGuard {

    private record Post(String reviewId, long millis, int[] signature) {
    }

    private final int maxAuthors;
    private final int maxPostsPerAuthor;
    private final Map<String, ArrayDeque<Post>> recentByAuthor;

    FloodGuard(int maxAuthors, int maxPostsPerAuthor) {
        this.maxAuthors = Math.max(1, maxAuthors);
        this.maxPostsPerAuthor = Math.max(1, maxPostsPerAuthor);
        this.recentByAuthor = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Post>> eldest) {
                return size() > FloodGuard.this.maxAuthors;
            }
        };
    }

    /**
     * Counts the author's other posts in {@code [millis - windowMillis, millis]} that are at least {@code similarity}
     * alike, then remembers this post (replacing an earlier version with the same review id).
     */
    synchronized int similarEarlierPostsAndRemember(String authorId, String reviewId, long millis, int[] signature,
            long windowMillis, double similarity) {
        int count = countSimilar(authorId, reviewId, millis, signature, windowMillis, similarity);
        remember(authorId, reviewId, millis, signature, windowMillis);
        return count;
    }

    /** The same count without remembering the post. */
    synchronized int similarEarlierPosts(String authorId, String reviewId, long millis, int[] signature, long windowMillis,
            double similarity) {
        return countSimilar(authorId, reviewId, millis, signature, windowMillis, similarity);
    }

    synchronized void remember(String authorId, String reviewId, long millis, int[] signature, long windowMillis) {
        ArrayDeque<Post> posts = recentByAuthor.computeIfAbsent(authorId, a -> new ArrayDeque<>());
        posts.removeIf(post -> post.reviewId().equals(reviewId) || post.millis() < millis - windowMillis);
        posts.addLast(new Post(reviewId, millis, signature));
        while (posts.size() > maxPostsPerAuthor) {
            posts.removeFirst();
        }
    }

    synchronized void forget(String reviewId) {
        for (Iterator<ArrayDeque<Post>> it = recentByAuthor.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Post> posts = it.next();
            posts.removeIf(post -> post.reviewId().equals(reviewId));
            if (posts.isEmpty()) {
                it.remove();
            }
        }
    }

    private int countSimilar(String authorId, String reviewId, long millis, int[] signature, long windowMillis, double similarity) {
        ArrayDeque<Post> posts = recentByAuthor.get(authorId);
        if (posts == null) {
            return 0;
        }
        int count = 0;
        for (Post post : posts) {
            if (!post.reviewId().equals(reviewId) && post.millis() <= millis && post.millis() >= millis - windowMillis
                    && MinHash.similarity(signature, post.signature()) >= similarity) {
                count++;
            }
        }
        return count;
    }
}
