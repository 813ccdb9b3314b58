package org.filmreviews.events;

/**
 * Kafka header names of the CloudEvents Kafka protocol binding, binary content mode: the payload is
 * the event data and the context attributes travel as {@code ce_}-prefixed headers.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context, so that a trace follows a review from the HTTP request to the film page. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
