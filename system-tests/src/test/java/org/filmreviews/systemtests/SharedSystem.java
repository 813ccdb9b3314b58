package org.filmreviews.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.filmreviews.devinfra.launch.LocalSystem;

/**
 * One running system for the test classes that only add data of their own to it (their own films, accounts and
 * reviews; the seed film is only read), started on first use and stopped when the test JVM ends: each start of
 * the three services and the servers costs most of a minute. A class that stops, kills or reconfigures parts of
 * its system, or needs the seed film untouched, starts its own.
 */
public final class SharedSystem {

    private static LocalSystem system;

    private SharedSystem() {
    }

    public static synchronized LocalSystem get() {
        if (system == null) {
            Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
            try {
                system = LocalSystem.start(LocalSystem.Options.isolated(project, Files.createTempDirectory("film-reviews-shared")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalSystem started = system;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-system-stop"));
        }
        return system;
    }
}
