package cn.gov.eco.platform.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context ({@code traceparent}: version-traceid-parentid-flags) as the outbox stores it with each event.
 * The current trace is Micrometer Tracing's (OpenTelemetry bridge): the span of the HTTP request (continuing the
 * gateway's) or of the Kafka record being handled (continuing the {@code traceparent} header the relay published).
 * An event raised inside it carries the current span as its parent, so the consumer's span continues the same trace
 * after the outbox and the relay, however much later they publish.
 */
public record TraceContext(String traceId, String spanId, String flags) {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    public static Optional<TraceContext> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(header.trim());
        if (!m.matches() || m.group(1).matches("0+") || m.group(2).matches("0+")) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(m.group(1), m.group(2), m.group(3)));
    }

    /** A new trace, for work that no request or record started (a scheduler's pass). */
    public static TraceContext newRoot() {
        return new TraceContext(randomHex(16), randomHex(8), "01");
    }

    /** The current span (Micrometer Tracing's, through OpenTelemetry's context), or a new trace outside any. */
    public static TraceContext currentOrNew() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return newRoot();
        }
        // W3C Trace Context level 1 flags: sampled or not (OpenTelemetry may set level 2's "random" bit too)
        return new TraceContext(span.getTraceId(), span.getSpanId(), span.isSampled() ? "01" : "00");
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(b);
    }
}
