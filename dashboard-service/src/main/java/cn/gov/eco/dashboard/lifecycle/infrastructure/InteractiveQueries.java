package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.dashboard.lifecycle.application.LifecycleStore;
import cn.gov.eco.dashboard.lifecycle.model.CaseLifecycle;
import cn.gov.eco.dashboard.lifecycle.model.EnterpriseStanding;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.util.ArrayList;
import java.util.List;

/**
 * The state stores read by Kafka Streams interactive queries. One instance holds every partition's store (the
 * embedded default runs one dashboard); several instances would need the remote half of interactive queries
 * (KafkaStreams#queryMetadataForKey and an HTTP call to the owner), which is not built.
 */
public final class InteractiveQueries implements LifecycleStore {

    private final StreamsBuilderFactoryBean streams;
    private final DashboardActivity activity;

    public InteractiveQueries(StreamsBuilderFactoryBean streams, DashboardActivity activity) {
        this.streams = streams;
        this.activity = activity;
    }

    @Override
    public List<CaseLifecycle> cases() {
        return all(LifecycleTopology.CASES);
    }

    @Override
    public List<EnterpriseStanding> enterprises() {
        return all(LifecycleTopology.ENTERPRISES);
    }

    @Override
    public long version() {
        return activity.version();
    }

    public KafkaStreams.State state() {
        KafkaStreams k = streams.getKafkaStreams();
        return k == null ? KafkaStreams.State.CREATED : k.state();
    }

    private <V> List<V> all(String storeName) {
        KafkaStreams k = streams.getKafkaStreams();
        if (k == null) {
            throw new NotReadyException("the topology has not started", null);
        }
        try {
            ReadOnlyKeyValueStore<String, V> store = k.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
            List<V> out = new ArrayList<>();
            try (var it = store.all()) {
                it.forEachRemaining(kv -> out.add(kv.value));
            }
            return out;
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("state store " + storeName + " is not queryable yet (" + k.state() + ")", e);
        }
    }
}
