package org.filmreviews.systemtests.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OpenTelemetry collector for tests: receives OTLP over HTTP ({@code POST /v1/traces}, protobuf, as the
 * services' exporter sends with {@code QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}) on 127.0.0.1 and keeps
 * the last spans in memory, bounded, for a test to look at.
 */
public final class TraceCollector implements AutoCloseable {

    /** What a test needs of a span. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {
    }

    private static final int KEPT = 200_000;

    private final HttpServer server;
    private final ConcurrentLinkedDeque<ReceivedSpan> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger count = new AtomicInteger();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    public static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/v1/traces", collector::receive);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "trace-collector");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return collector;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The endpoint to give the services' OTLP exporter. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans of one trace received so far. */
    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            keep(ExportTraceServiceRequest.parseFrom(body));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        List<ReceivedSpan> received = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    received.add(new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name()));
                }
            }
        }
        spans.addAll(received);
        // Bounded: the shared system also carries other tests' load; the oldest spans go first.
        for (int over = count.addAndGet(received.size()) - KEPT; over > 0 && spans.pollFirst() != null; over--) {
            count.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
