package org.filmreviews.review.service.review;

import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.json.UserText;

/** What an author writes: rating 1 to 10 or none, an optional headline, the text, their spoiler flag. */
public record ReviewDraft(Integer rating, String headline, String body, boolean spoiler) {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_HEADLINE = 200;

    /**
     * The draft as it is kept: its texts cleaned ({@link UserText}; a headline with nothing left is none), or the
     * first rule it breaks. Lengths count what is left after cleaning, so invisible characters do not count.
     */
    public ReviewDraft validated() {
        String cleanBody = UserText.cleanOrNull(body);
        String cleanHeadline = UserText.cleanOrNull(headline);
        if (cleanBody == null) {
            throw InvalidInput.field("body", "must not be blank");
        }
        if (cleanBody.length() > MAX_BODY) {
            throw InvalidInput.field("body", "must be at most " + MAX_BODY + " characters");
        }
        if (cleanHeadline != null && cleanHeadline.length() > MAX_HEADLINE) {
            throw InvalidInput.field("headline", "must be at most " + MAX_HEADLINE + " characters");
        }
        if (rating != null && (rating < 1 || rating > 10)) {
            throw InvalidInput.field("rating", "must be between 1 and 10");
        }
        return new ReviewDraft(rating, cleanHeadline, cleanBody, spoiler);
    }
}
