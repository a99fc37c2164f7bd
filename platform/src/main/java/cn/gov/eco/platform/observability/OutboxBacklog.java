package cn.gov.eco.platform.observability;

import cn.gov.eco.platform.messaging.OutboxDocuments;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the outbox still holds, per outbox collection, read from MongoDB by {@link MetricsSampler}: events not yet
 * acknowledged by the broker ({@code lifecycle.outbox.pending}), the age of the oldest of them
 * ({@code lifecycle.outbox.oldest.pending.age}: an outbox that cannot publish shows here within a minute) and events
 * set aside after repeated failures ({@code lifecycle.outbox.parked}: an entry whose {@code status} is
 * {@value #PARKED}).
 */
public class OutboxBacklog implements Sampled {

    static final String PARKED = "PARKED";

    private final MongoDatabase database;
    private final List<String> collections;
    private final Clock clock;
    private final Map<String, Snapshot> current = new ConcurrentHashMap<>();

    /** One collection's backlog at the last sample. */
    record Snapshot(long pending, double oldestPendingSeconds, long parked) {
    }

    public OutboxBacklog(MongoDatabase database, List<String> collections, Clock clock, MeterRegistry registry) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.clock = clock;
        for (String c : this.collections) {
            current.put(c, new Snapshot(0, 0, 0));
            Gauge.builder("lifecycle.outbox.pending", current, m -> m.get(c).pending())
                    .description("Outbox events not yet acknowledged by the broker").tag("collection", c)
                    .register(registry);
            Gauge.builder("lifecycle.outbox.oldest.pending.age", current, m -> m.get(c).oldestPendingSeconds())
                    .description("Age of the oldest outbox event not yet acknowledged by the broker")
                    .baseUnit("seconds").tag("collection", c).register(registry);
            Gauge.builder("lifecycle.outbox.parked", current, m -> m.get(c).parked())
                    .description("Outbox events parked after repeated failures: they need a person")
                    .tag("collection", c).register(registry);
        }
    }

    /** Reads every outbox collection once. */
    @Override
    public void sample() {
        Instant now = clock.instant();
        for (String c : collections) {
            current.put(c, sample(c, now));
        }
    }

    Snapshot sample(String collection, Instant now) {
        var coll = database.getCollection(collection);
        long pending = 0;
        long parked = 0;
        Instant oldest = null;
        for (Document d : coll.find(Filters.or(Filters.eq(OutboxDocuments.PENDING, true),
                Filters.eq(OutboxDocuments.OUTBOX + ".status", PARKED))).projection(Projections.include(OutboxDocuments.OUTBOX))) {
            for (Object o : d.getList(OutboxDocuments.OUTBOX, Object.class, List.of())) {
                Document e = (Document) o;
                if (PARKED.equals(e.getString("status"))) {
                    parked++;
                } else if (e.get("sentAt") == null) {
                    pending++;
                    Date time = e.getDate("time");
                    if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
                        oldest = time.toInstant();
                    }
                }
            }
        }
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        return new Snapshot(pending, age, parked);
    }
}
