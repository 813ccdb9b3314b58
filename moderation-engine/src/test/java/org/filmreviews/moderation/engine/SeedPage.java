package org.filmreviews.moderation.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's seed film page, read in place from {@code shared/seeds} beside the checkout (or the folder in the
 * system property {@code seeds.dir}); tests that need it are skipped when it is not there.
 */
final class SeedPage {

    final FilmFacts film;
    final Map<String, String> reviewsByAuthor;

    private SeedPage(FilmFacts film, Map<String, String> reviewsByAuthor) {
        this.film = film;
        this.reviewsByAuthor = reviewsByAuthor;
    }

    static Optional<SeedPage> load() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("seeds.dir");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared/seeds"));
        candidates.add(Path.of("../../shared/seeds"));
        for (Path folder : candidates) {
            Path file = folder.resolve("mirror-for-a-hero.txt");
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Title on the first line; synopsis after the "Trailers" line; after "Reviews", author lines each followed by a review. */
    private static SeedPage parse(List<String> lines) {
        String title = lines.get(0).trim();
        String synopsis = "";
        Map<String, String> reviews = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).endsWith("Trailers")) {
            i++;
        }
        for (i++; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                synopsis = lines.get(i).trim();
                break;
            }
        }
        while (i < lines.size() && !lines.get(i).equals("Reviews")) {
            i++;
        }
        String author = null;
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.equals("View More")) {
                continue;
            }
            if (author == null) {
                author = line;
            } else {
                reviews.put(author, line);
                author = null;
            }
        }
        return new SeedPage(new FilmFacts(title, synopsis, List.of("Sergei", "Andrei")), reviews);
    }
}
