package org.filmreviews.catalog.service.page;

import java.util.List;
import java.util.Optional;

import org.filmreviews.catalog.domain.PageReview;

/** One page of a film's reviews and, when there are more, where the next page starts. */
public record ReviewSlice(List<PageReview> items, Optional<ReviewCursor> next) {
}
