package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.dashboard.lifecycle.application.CaseLifecycleFold;
import cn.gov.eco.dashboard.lifecycle.application.EnterpriseStandingFold;
import cn.gov.eco.dashboard.lifecycle.application.ObservedEvent;
import cn.gov.eco.dashboard.lifecycle.model.CaseLifecycle;
import cn.gov.eco.dashboard.lifecycle.model.EnterpriseStanding;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The dashboard's Kafka Streams topology over the six public topics:
 * <ul>
 *   <li>{@value #CASES}: one {@link CaseLifecycle} per case id, from enforcement.case.v1 and notice.delivery.v1
 *       (keyed by case id) and from credit.publicity.v1 and credit.repair.v1, whose events carry the case id and are
 *       re-keyed by it through the dashboard's own repartition topic {@code <application id>-}{@value #CREDIT_BY_CASE}
 *       {@code -repartition};</li>
 *   <li>{@value #ENTERPRISES}: one {@link EnterpriseStanding} per USCC from credit.level.v1 and the compacted
 *       credit.enterprise-status.v1.</li>
 * </ul>
 * Both are RocksDB key-value stores with changelog topics {@code <application id>-<store>-changelog}; the page and
 * the API read them by interactive queries. The topics are read from the beginning, so a dashboard started late, or
 * with its state deleted, rebuilds the same figures.
 */
public final class LifecycleTopology {

    public static final String CASES = "cases";
    public static final String ENTERPRISES = "enterprises";
    static final String CREDIT_BY_CASE = "credit-by-case";

    private LifecycleTopology() {
    }

    public static void build(StreamsBuilder builder, JsonMapper json, DashboardActivity activity) {
        var caseFold = new CaseLifecycleFold(json);
        var enterpriseFold = new EnterpriseStandingFold(json);
        var events = new JsonSerde<>(json, ObservedEvent.class);

        KStream<String, ObservedEvent> byCase = read(builder, List.of(Topics.ENFORCEMENT_CASE, Topics.NOTICE_DELIVERY),
                activity);
        KStream<String, ObservedEvent> creditByCase = read(builder, List.of(Topics.CREDIT_PUBLICITY, Topics.CREDIT_REPAIR),
                activity)
                .selectKey((uscc, e) -> caseFold.caseIdOf(e))
                .filter((caseId, e) -> caseId != null)
                .repartition(Repartitioned.<String, ObservedEvent>as(CREDIT_BY_CASE)
                        .withKeySerde(Serdes.String()).withValueSerde(events)
                        .withNumberOfPartitions(Topics.ENFORCEMENT_CASE.partitions()));
        byCase.merge(creditByCase)
                .groupByKey(Grouped.with(Serdes.String(), events))
                .aggregate(() -> null, (caseId, e, c) -> {
                    CaseLifecycle next = caseFold.apply(caseId, e, c);
                    activity.changed();
                    return next;
                }, Materialized.<String, CaseLifecycle, KeyValueStore<Bytes, byte[]>>as(CASES)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(json, CaseLifecycle.class)));

        read(builder, List.of(Topics.CREDIT_LEVEL, Topics.CREDIT_ENTERPRISE_STATUS), activity)
                .groupByKey(Grouped.with(Serdes.String(), events))
                .aggregate(() -> null, (uscc, e, s) -> {
                    EnterpriseStanding next = enterpriseFold.apply(uscc, e, s);
                    activity.changed();
                    return next;
                }, Materialized.<String, EnterpriseStanding, KeyValueStore<Bytes, byte[]>>as(ENTERPRISES)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(json, EnterpriseStanding.class)));
    }

    private static KStream<String, ObservedEvent> read(StreamsBuilder builder, List<Topic> topics,
                                                       DashboardActivity activity) {
        return builder.stream(topics.stream().map(Topic::name).toList(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .filter((key, value) -> key != null && value != null)
                .processValues(() -> new CloudEventReader(activity));
    }
}
