package org.filmreviews.catalog.service;

/**
 * Renders the parts of a film page that a change touched, as the page itself renders them (the HTML layer
 * implements it). Called once per change, however many readers follow the page.
 */
public interface PageFragments {

    PageChange.Html render(PageChange change);
}
