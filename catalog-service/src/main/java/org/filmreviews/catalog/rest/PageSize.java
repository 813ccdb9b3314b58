package org.filmreviews.catalog.rest;

import org.filmreviews.platform.problem.ProblemException;

/**
 * The {@code limit} query parameter. Read by hand: a value JAX-RS cannot convert would otherwise be
 * answered 404, as if the address did not exist, instead of naming the bad parameter.
 */
final class PageSize {

    private PageSize() {
    }

    static int of(String raw, int byDefault, int max) {
        if (raw == null || raw.isBlank()) {
            return byDefault;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max);
    }
}
