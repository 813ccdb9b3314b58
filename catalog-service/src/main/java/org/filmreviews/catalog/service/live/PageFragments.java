package org.filmreviews.catalog.service.live;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;

/**
 * Renders the parts of a film page that a change touched, as the page itself renders them (the HTML layer
 * implements it). Called once per change of a page someone follows live, however many follow it.
 */
public interface PageFragments {

    /**
     * @param review the review as it is now on the page, or null when it left the page
     * @param rating the film's rating after the change
     */
    PageChange.Html render(PageReview review, FilmRating rating);
}
