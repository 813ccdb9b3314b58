package org.filmreviews.catalog.domain;

import jakarta.persistence.Embeddable;

/** A trailer of a film: a title and where to watch it. */
@Embeddable
public class FilmTrailer {

    public String title;

    public String url;

    public FilmTrailer() {
    }

    public FilmTrailer(String title, String url) {
        this.title = title;
        this.url = url;
    }
}
