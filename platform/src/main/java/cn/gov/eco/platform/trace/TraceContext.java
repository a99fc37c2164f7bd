package cn.gov.eco.platform.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context ({@code traceparent}: version-traceid-parentid-flags). The trace of an HTTP request or of a
 * consumed event is carried into every event it raises, so a decision can be followed from the officer's request
 * through all three services.
 */
public record TraceContext(String traceId, String spanId, String flags) {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

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

    public static TraceContext newRoot() {
        return new TraceContext(randomHex(16), randomHex(8), "01");
    }

    public static TraceContext currentOrNew() {
        TraceContext c = CURRENT.get();
        return c != null ? c : newRoot();
    }

    /** Runs {@code work} with {@code context} as the current trace, restoring the previous one afterwards. */
    public static void runWithin(TraceContext context, Runnable work) {
        TraceContext previous = CURRENT.get();
        CURRENT.set(context);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public TraceContext child() {
        return new TraceContext(traceId, randomHex(8), flags);
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
