package org.filmreviews.catalog.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A film as the catalog's admins describe it. */
@Entity
@Table(name = "film")
public class Film {

    @Id
    public UUID id;

    /** Grows with every change; carried by catalog.film-changed.v1 so replicas keep the newest. */
    public long version;

    /** Bumped on every write: a write based on a stale read fails instead of overwriting another's change. */
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public String title;

    @Column(name = "title_search")
    public String titleSearch;

    @Column(name = "release_date")
    public LocalDate releaseDate;

    public String country;

    public String synopsis;

    @Column(name = "original_title")
    public String originalTitle;

    @Column(name = "original_title_search")
    public String originalTitleSearch;

    @Column(name = "runtime_minutes")
    public Integer runtimeMinutes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> genres = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "film_cast")
    public List<CastCredit> cast = new ArrayList<>();

    public boolean retired;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "film_trailer", joinColumns = @JoinColumn(name = "film_id"))
    @OrderColumn(name = "position")
    public List<FilmTrailer> trailers = new ArrayList<>();

    public void retitle(String newTitle, String newOriginalTitle) {
        title = newTitle;
        titleSearch = searchable(newTitle);
        originalTitle = newOriginalTitle;
        originalTitleSearch = newOriginalTitle == null ? null : searchable(newOriginalTitle);
    }

    public void replaceTrailers(List<FilmTrailer> newTrailers) {
        trailers.clear();
        trailers.addAll(newTrailers);
    }

    /** Lower case without accents, so that "mirror" finds "Mirror" and "zerkalo" finds "Zérkalo". */
    public static String searchable(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).trim();
    }
}
