package org.filmreviews.catalog.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.filmreviews.catalog.service.film.FilmDetails;

/** Body of {@code POST /films} and {@code PUT /films/{id}}: the whole film. */
@Schema(description = "The whole film: a PUT replaces every field, and what it leaves out is empty afterwards")
public record FilmRequest(
        @NotBlank @Size(max = 300) String title,
        @Schema(description = "The title in the original language, if it differs; search finds it too") @Size(
                max = 300) String originalTitle,
        LocalDate releaseDate,
        @Size(max = 100) String country,
        @Schema(description = "Running time in minutes") @Min(1) @Max(1440) Integer runtimeMinutes,
        @Size(max = 10) List<@NotBlank @Size(max = 50) String> genres,
        @Size(max = 5000) String synopsis,
        @Size(max = 200) List<@Valid CastRequest> cast,
        @Size(max = 20) List<@Valid TrailerRequest> trailers) {

    public record TrailerRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+",
                    message = "must be an http or https URL") String url) {
    }

    public record CastRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String character) {
    }

    FilmDetails toDetails() {
        return new FilmDetails(title, originalTitle, releaseDate, country, runtimeMinutes, genres, synopsis,
                cast == null ? List.of() : cast.stream().map(c -> new FilmDetails.CastMember(c.name(), c.character())).toList(),
                trailers == null ? List.of()
                        : trailers.stream().map(t -> new FilmDetails.Trailer(t.title(), t.url())).toList());
    }
}
