package org.filmreviews.platform.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The text of a Kafka header, the one way every reader here decodes one: UTF-8, the last header of a name
 * wins (a re-driven record may carry an older copy before it), and an absent header or one without a value
 * reads as {@code null}, never as an empty string, so "not there" stays distinguishable from "empty".
 */
public final class HeaderText {

    private HeaderText() {
    }

    /** The last header called {@code name}, as text; null when there is none or it has no value. */
    public static String of(Headers headers, String name) {
        return of(headers.lastHeader(name));
    }

    /** The header's value as text; null for no header or no value. */
    public static String of(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
