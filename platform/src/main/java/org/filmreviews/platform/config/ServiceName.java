package org.filmreviews.platform.config;

import io.smallrye.config.ConfigMapping;

/**
 * The name this service goes by, Quarkus' own {@code quarkus.application.name} (the artifact id unless set):
 * the {@code service} tag of its metrics and the first part of its dead-letter topics and their consumer group.
 * Mapped here only to be read; Quarkus keeps the key's meaning and default.
 */
@ConfigMapping(prefix = "quarkus.application")
public interface ServiceName {

    /** The service's name, for example {@code review-service}. */
    String name();
}
