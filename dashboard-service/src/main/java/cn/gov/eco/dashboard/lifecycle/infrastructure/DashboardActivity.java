package cn.gov.eco.dashboard.lifecycle.infrastructure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the topology has read since this process started: records per topic, and records it could not read (not a
 * CloudEvent, or a type the catalogue does not list for the topic). The live updates fire when {@link #version()}
 * moves.
 */
public final class DashboardActivity {

    private final AtomicLong version = new AtomicLong();
    private final Map<String, AtomicLong> read = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unreadable = new ConcurrentHashMap<>();

    void read(String topic) {
        read.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
    }

    void unreadable(String topic) {
        unreadable.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
    }

    /** Called after a state store was updated. */
    void changed() {
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }

    public Map<String, Long> readByTopic() {
        return snapshot(read);
    }

    public Map<String, Long> unreadableByTopic() {
        return snapshot(unreadable);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> m) {
        var out = new java.util.TreeMap<String, Long>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
