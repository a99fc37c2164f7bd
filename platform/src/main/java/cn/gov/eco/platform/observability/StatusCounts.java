package cn.gov.eco.platform.observability;

import cn.gov.eco.platform.store.Counting;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many documents of a collection are in each status (a {@code status} field holding an enum's name), as one
 * gauge per status: e.g. credit-service's publicity records and repair applications. Counted through the
 * collection's status index ({@link Counting}).
 */
public class StatusCounts implements Sampled {

    private final MongoDatabase database;
    private final String collection;
    private final List<String> statuses;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public StatusCounts(MongoDatabase database, MeterRegistry registry, String meterName, String description,
                        String collection, List<String> statuses) {
        this.database = database;
        this.collection = collection;
        this.statuses = List.copyOf(statuses);
        for (String s : this.statuses) {
            counts.put(s, 0L);
            Gauge.builder(meterName, counts, m -> m.getOrDefault(s, 0L)).description(description)
                    .tag("status", s).register(registry);
        }
    }

    @Override
    public void sample() {
        var coll = database.getCollection(collection);
        for (String s : statuses) {
            counts.put(s, Counting.count(coll, Filters.eq("status", s)));
        }
    }
}
