package org.filmreviews.catalog.service.projection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code catalog.rebuild.*}: the rebuild of the page data from the topics ({@link PageRebuild}). */
@ConfigMapping(prefix = "catalog.rebuild")
public interface RebuildConfig {

    /** The longest the rebuild's one transaction may take; live events wait for it at most this long. */
    @WithDefault("10m")
    Duration timeout();
}
