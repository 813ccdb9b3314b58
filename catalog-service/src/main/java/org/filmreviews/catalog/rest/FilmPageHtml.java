package org.filmreviews.catalog.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.filmreviews.catalog.service.page.FilmPage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The film page as HTML: complete without JavaScript, user text escaped by Qute's HTML templates. */
final class FilmPageHtml {

    /**
     * Only this site's own style sheet, script and live stream; no inline code, frames or other origins,
     * so that even a review that slipped through unescaped could not run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(FilmPageView page);

        /** One review's {@code <li>}, exactly as the page shows it: what a live notice carries. */
        static native TemplateInstance page$review_item(FilmPageView.ReviewView r);

        /** The rating section, exactly as the page shows it. */
        static native TemplateInstance page$rating_section(FilmPageView.RatingView rating);
    }

    private FilmPageHtml() {
    }

    static Response render(FilmPage page, String cursor, int limit) {
        String html = Templates.page(FilmPageView.of(page, cursor, limit)).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Vary", "Accept")
                .build();
    }
}
