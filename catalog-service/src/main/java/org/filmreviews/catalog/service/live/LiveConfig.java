package org.filmreviews.catalog.service.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code catalog.live.*}: live page updates ({@code GET /films/{id}/events}), how many follow them and how the
 * instance listens for the changes of every instance ({@link PageNotices}, {@link PageNoticeListener}).
 */
@ConfigMapping(prefix = "catalog.live")
public interface LiveConfig {

    /** Notices a reader's stream asks for ahead of what was written to it; a reader that falls further behind is dropped. */
    @WithDefault("32")
    int buffer();

    /** Readers this instance streams to at most, from all addresses; beyond it a reader is refused (too many readers). */
    @WithDefault("2000")
    int maxReaders();

    /** Readers one client address may have on this instance at once; beyond it the address is refused (rate limited). */
    @WithDefault("8")
    int maxReadersPerClient();

    /** How long one stream lasts before it ends by itself (the browser's EventSource then reconnects). */
    @WithDefault("10m")
    Duration maxLifetime();

    /** The first wait before connecting again after the listening connection was lost; doubled after each failure. */
    @WithDefault("500ms")
    Duration reconnectBackoff();

    /** The longest wait between two attempts to connect again. */
    @WithDefault("10s")
    Duration reconnectBackoffMax();
}
