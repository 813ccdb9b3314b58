package org.filmreviews.moderation.console;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.filmreviews.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's session is a cookie, which browsers attach to requests other pages start too. A
 * request that changes something and rides on the cookie alone must carry the console's own header:
 * a page elsewhere (another port of this host included) cannot add it without a CORS preflight, which
 * this service never grants. Console pages also get a strict Content-Security-Policy: no inline or
 * foreign script can run even if some text slipped through unescaped.
 */
public class ConsoleSession {

    public static final String COOKIE = "moderation-console";
    public static final String CONSOLE_HEADER = "X-Requested-By";
    public static final String CONSOLE_HEADER_VALUE = "moderation-console";

    private static final List<String> SAFE_METHODS = List.of("GET", "HEAD", "OPTIONS");
    private static final List<String> FORM_PATHS = List.of("/console/sign-in", "/console/sign-out");
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @ServerRequestFilter
    public Optional<Response> requireConsoleHeader(ContainerRequestContext request, UriInfo uri) {
        if (SAFE_METHODS.contains(request.getMethod()) || !request.getCookies().containsKey(COOKIE)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || FORM_PATHS.contains(path(uri))) {
            return Optional.empty();
        }
        if (CONSOLE_HEADER_VALUE.equals(request.getHeaderString(CONSOLE_HEADER))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                        "A change made with the console's session must come from the console (header " + CONSOLE_HEADER + ").",
                        path(uri), List.of()))
                .build());
    }

    @ServerResponseFilter
    public void protectPages(ContainerRequestContext request, ContainerResponseContext response, UriInfo uri) {
        if (path(uri).startsWith("/console")) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
        }
    }

    /**
     * The token, where page script cannot read it (HttpOnly) and other sites cannot make the browser send
     * it (SameSite=Strict); {@link #requireConsoleHeader} makes unsafe requests prove they come from the console.
     * An empty token and no age clear the cookie.
     */
    static NewCookie cookie(String token, long maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.min(Integer.MAX_VALUE, maxAgeSeconds)).build();
    }

    private static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }
}
