package org.filmreviews.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details document.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param errors one entry per rejected field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://filmreviews.org/problems/";

    /** A rejected field: its JSON name and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
