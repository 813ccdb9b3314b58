package org.filmreviews.platform.http;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filmreviews.platform.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses requests that are too big before anything reads them, each with its problem+json: a request
 * target over {@link RequestLimitsConfig#maxUriLength()} (414), headers over {@link
 * RequestLimitsConfig#maxHeaderSize()} (431), a declared body over {@code quarkus.http.limits.max-body-size}
 * (413; the body is dropped unread and the connection closed), and a chunked body, whose size nobody knows
 * before it is read (411: every body of this API is small JSON, sent with its length). Over HTTP/2 a body
 * without a declared length is cut off by Quarkus at the same size while it is read.
 */
@ApplicationScoped
public class RequestLimits {

    /** Bytes of a refused body read and dropped before the connection is closed on its sender. */
    static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    @Inject
    RequestLimitsConfig config;

    @Inject
    BodyLimit bodyLimit;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    void install(@Observes Router router) {
        // just before Quarkus' own body-size check (which would answer 413 without a body)
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > config.maxUriLength().asLongValue()) {
            refuse(context, 414, "URI Too Long", "uri-too-long",
                    "The address and query are longer than " + config.maxUriLength().asLongValue() + " bytes.", false);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderSize().asLongValue()) {
            refuse(context, 431, "Request Header Fields Too Large", "headers-too-large",
                    "The request headers add up to more than " + config.maxHeaderSize().asLongValue() + " bytes.", false);
            return;
        }
        if (request.version() != HttpVersion.HTTP_2 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // A body of unknown length would be read up to the limit before it could be refused, and that refusal is
            // Quarkus' own (a bare 413). Every request body of this API is small JSON: clients send its length.
            refuse(context, 411, "Length Required", "length-required",
                    "Send the request body with a Content-Length of at most "
                            + bodyLimit.maxBodySize().map(MemorySize::asLongValue).orElse(0L) + " bytes, not in chunks.",
                    true);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && bodyLimit.maxBodySize().isPresent()) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(context, 400, "Bad Request", "malformed-request", "Content-Length is not a number of bytes.", true);
                return;
            }
            if (declared > bodyLimit.maxBodySize().get().asLongValue()) {
                refuse(context, 413, "Content Too Large", "body-too-large",
                        "The request body is larger than " + bodyLimit.maxBodySize().get().asLongValue() + " bytes.", true);
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String title, String slug, String detail, boolean close) {
        registry.counter("filmreviews.http.rejected", "status", Integer.toString(status), "type", slug).increment();
        String path = context.request().path();
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                path == null || path.length() > 200 ? null : path, List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close && context.request().version() != HttpVersion.HTTP_2) {
            // The announced body is not kept, but read and dropped, up to a bound: a client that is still sending
            // when the connection closes would get a reset instead of this answer. Past the bound the connection
            // is closed; either way it carries no further request. (No "Connection: close" header: with it the
            // server would close as soon as the answer is written, while the client may still be sending.) An
            // HTTP/2 connection carries other requests at the same time: there only this stream ends, with the answer.
            HttpServerRequest request = context.request();
            long[] dropped = {0};
            request.handler(chunk -> {
                dropped[0] += chunk.length();
                if (dropped[0] > DRAIN_AT_MOST) {
                    request.connection().close();
                }
            });
            request.endHandler(ignored -> request.connection().close());
            request.resume();
        }
        response.end(body);
    }
}
