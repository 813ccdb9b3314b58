package org.filmreviews.platform.rest;

import java.util.UUID;

import org.filmreviews.platform.domain.InvalidInput;

/**
 * Query parameters read by hand: JAX-RS answers a value it cannot convert with 404, where a client
 * deserves a 400 that names the parameter. Every service reads its typed query parameters here; a value that is not
 * understood is refused as {@link InvalidInput} naming the parameter, so a service may read a filter with it too.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(name, "must be a UUID");
        }
    }

    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw InvalidInput.field(name, "is required");
        }
        return id;
    }

    public static Double score(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double score = Double.parseDouble(value.strip());
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.field(name, "must be a number from 0 to 1");
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.field(name, "must be a whole number from " + min + " to " + max);
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidInput.field(name, "must be true or false");
        };
    }

    public static String code(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (code.length() > 64 || !code.matches("[a-z0-9.-]+")) {
            throw InvalidInput.field(name, "must be a finding code such as spam.link");
        }
        return code;
    }
}
