package cn.gov.eco.platform.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work that continues a stored trace: a delivery served by a scheduler or completed by a platform's callback,
 * long after the record that started it, joins that record's trace (the {@code traceparent} the aggregate stored)
 * instead of starting a new one. Inside, OpenTelemetry's current span is the stored one, so the events raised and
 * any span started carry its trace id, and the log lines carry it too ({@code traceId}, {@code spanId} in the MDC).
 */
public final class Traces {

    private Traces() {
    }

    /** Runs {@code work} in the trace of {@code traceparent}; without a valid one, in the current context. */
    public static <T> T continuing(String traceparent, Supplier<T> work) {
        Optional<TraceContext> stored = TraceContext.parse(traceparent);
        if (stored.isEmpty()) {
            return work.get();
        }
        TraceContext t = stored.get();
        SpanContext remote = SpanContext.createFromRemoteParent(t.traceId(), t.spanId(),
                "00".equals(t.flags()) ? TraceFlags.getDefault() : TraceFlags.getSampled(), TraceState.getDefault());
        String traceId = MDC.get("traceId");
        String spanId = MDC.get("spanId");
        try (Scope ignored = Context.current().with(Span.wrap(remote)).makeCurrent()) {
            MDC.put("traceId", t.traceId());
            MDC.put("spanId", t.spanId());
            return work.get();
        } finally {
            restore("traceId", traceId);
            restore("spanId", spanId);
        }
    }

    /** As {@link #continuing(String, Supplier)}, for work without a result. */
    public static void continuing(String traceparent, Runnable work) {
        continuing(traceparent, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
