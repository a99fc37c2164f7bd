package cn.gov.eco.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Named counters of what a simulator received and did, read by tests and by {@code GET /admin/counters}. */
public final class Counters {

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public void increment(String name) {
        values.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    public long get(String name) {
        AtomicLong v = values.get(name);
        return v == null ? 0 : v.get();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void reset() {
        values.clear();
    }
}
