package org.filmreviews.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One fully populated payload per event type. */
final class SampleEvents {

    static final UUID FILM = UUID.fromString("3f1c1d7e-4f4b-4a59-9f0e-1f2d3c4b5a69");
    static final UUID REVIEW = UUID.fromString("9b7a3c1e-2d4f-4e6a-8b0c-1d2e3f4a5b6c");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private SampleEvents() {
    }

    static Object of(EventType type) {
        return switch (type) {
            case REVIEW_SUBMITTED -> new ReviewSubmitted(REVIEW, FILM, 1,
                    new Author("42", "alex904", "alex904"), 8, "A time loop in Stalin's time",
                    "This is a good and strong story about people trapped in a time loop.", false, NOW);
            case REVIEW_WITHDRAWN -> new ReviewWithdrawn(REVIEW, FILM, 2, NOW);
            case REVIEW_VOTED -> new ReviewVoted(REVIEW, FILM, 1, 7, 5, 2, NOW);
            case REVIEW_APPEALED -> new ReviewAppealed(REVIEW, FILM, 1, new Author("42", "alex904", "alex904"),
                    "It is a review, not an advertisement.", NOW);
            case REVIEW_REPORTED ->
                new ReviewReported(REVIEW, FILM, 1, new Author("43", "ollaer", "Olla"), ReportReason.SPOILER,
                        "The first paragraph tells the ending.", NOW, 2, 1, 0);
            case REVIEW_DECIDED -> new ReviewDecided(REVIEW, FILM, 1, Decision.PUBLISH_SPOILER,
                    new Scores(0.02, 0.91), List.of(new Reason("spoiler.marker", "The review says it contains spoilers.")),
                    new PublishedReview("alex904", "alex904", 8, null, "He dies. Enough of spoilers.", true,
                            List.of(new TextSpan(0, 8)), NOW),
                    "engine/1", NOW, false);
            case FILM_CHANGED -> new FilmChanged(FILM, 3, "Mirror for a Hero", LocalDate.of(1987, 12, 13), "USA",
                    "Sergei and Andrei are walking through a city park.",
                    List.of(new Trailer("Trailer", "https://www.youtube.com/results?search_query=Zerkalo+dlya+geroya")),
                    false, NOW, "Zerkalo dlya geroya", 139, List.of("Drama", "Fantasy"),
                    List.of(new CastMember("Sergey Koltakov", "Sergei"), new CastMember("Boris Galkin", "Andrei")));
        };
    }
}
