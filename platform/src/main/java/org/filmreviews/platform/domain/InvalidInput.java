package org.filmreviews.platform.domain;

import java.util.Optional;

/** What the caller sent breaks a rule of the domain; when one field is at fault it is named. */
public final class InvalidInput extends DomainException {

    private final String field;
    private final String rule;

    private InvalidInput(String kind, String detail, String field, String rule) {
        super(kind, detail);
        this.field = field;
        this.rule = rule;
    }

    /** The field breaks the rule, said as the end of a sentence that starts with the field's name. */
    public static InvalidInput field(String field, String rule) {
        return new InvalidInput("validation", field + ": " + rule, field, rule);
    }

    /** The request as a whole makes no sense, no single field being at fault. */
    public static InvalidInput request(String detail) {
        return new InvalidInput("bad-request", detail, null, null);
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The rule the field breaks ({@code must not be blank}); empty for a request-wide problem. */
    public Optional<String> rule() {
        return Optional.ofNullable(rule);
    }
}
