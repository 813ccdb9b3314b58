package org.filmreviews.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageFragments;

/**
 * The review's list item and the rating section rendered by the page's own template fragments, so that what a
 * live notice inserts is what a reload would show, escaped the same way.
 */
@ApplicationScoped
class LivePageFragments implements PageFragments {

    @Override
    public PageChange.Html render(PageReview review, FilmRating rating) {
        String item = review == null ? null : FilmPageHtml.Templates.page$review_item(FilmPageView.review(review)).render();
        String section = FilmPageHtml.Templates.page$rating_section(FilmPageView.rating(rating)).render();
        return new PageChange.Html(item, section, rating.reviewCount);
    }
}
