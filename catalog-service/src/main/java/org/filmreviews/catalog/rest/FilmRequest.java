package org.filmreviews.catalog.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.filmreviews.catalog.service.FilmDetails;

/** Body of {@code POST /films}. */
public record FilmRequest(
        @NotBlank @Size(max = 300) String title,
        LocalDate releaseDate,
        @Size(max = 100) String country,
        @Size(max = 5000) String synopsis,
        @Size(max = 20) List<@Valid TrailerRequest> trailers) {

    public record TrailerRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url) {
    }

    FilmDetails toDetails() {
        return new FilmDetails(title, releaseDate, country, synopsis, trailers == null ? List.of()
                : trailers.stream().map(t -> new FilmDetails.Trailer(t.title(), t.url())).toList());
    }
}
