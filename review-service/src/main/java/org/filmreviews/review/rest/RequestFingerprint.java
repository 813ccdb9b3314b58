package org.filmreviews.review.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an {@code Idempotency-Key} is bound to besides the method and path: the request body as JSON, so that a key
 * reused with another body is told apart from a retry.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(ObjectMapper json, Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
