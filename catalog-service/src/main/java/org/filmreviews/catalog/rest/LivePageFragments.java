package org.filmreviews.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.catalog.service.FilmPageService;
import org.filmreviews.catalog.service.PageChange;
import org.filmreviews.catalog.service.PageFragments;

/**
 * The review's list item and the rating section rendered by the page's own template fragments, so that what a
 * live notice inserts is what a reload would show, escaped the same way.
 */
@ApplicationScoped
class LivePageFragments implements PageFragments {

    @Inject
    FilmPageService pages;

    @Override
    public PageChange.Html render(PageChange change) {
        FilmPageService.LiveParts parts = pages.liveParts(change.filmId(), change.reviewId());
        String review = parts.review() == null ? null
                : FilmPageHtml.Templates.page$review_item(FilmPageView.review(parts.review())).render();
        String rating = FilmPageHtml.Templates.page$rating_section(FilmPageView.rating(parts.rating())).render();
        return new PageChange.Html(review, rating, parts.rating().reviewCount);
    }
}
