package cn.gov.eco.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a test or an operator has told a simulator to do wrong: answer slowly, answer with a server error, or accept
 * messages but never call back. Thread-safe; changed through the Java API or the admin endpoint
 * ({@code POST /admin/faults}).
 */
public final class Faults {

    private volatile Duration latency = Duration.ZERO;
    private volatile int failStatus;
    private volatile boolean dropCallbacks;

    /** Every request to the simulated API waits this long before it is handled. */
    public Faults slow(Duration latency) {
        this.latency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
        return this;
    }

    /** Every request to the simulated API is answered with this status (a 5xx), nothing stored; 0 to stop. */
    public Faults fail(int status) {
        if (status != 0 && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("a simulated failure is a 5xx status, got " + status);
        }
        this.failStatus = status;
        return this;
    }

    /** Messages are accepted, but their callbacks are counted as dropped and never sent. */
    public Faults dropCallbacks(boolean drop) {
        this.dropCallbacks = drop;
        return this;
    }

    /** Back to a healthy platform. */
    public Faults heal() {
        latency = Duration.ZERO;
        failStatus = 0;
        dropCallbacks = false;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    public int failStatus() {
        return failStatus;
    }

    public boolean dropsCallbacks() {
        return dropCallbacks;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latencyMs", latency.toMillis());
        m.put("failStatus", failStatus);
        m.put("dropCallbacks", dropCallbacks);
        return m;
    }
}
