package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.dashboard.lifecycle.application.DashboardQueries;
import cn.gov.eco.dashboard.lifecycle.application.LifecycleStore;
import cn.gov.eco.dashboard.lifecycle.model.CaseLifecycle;
import cn.gov.eco.dashboard.lifecycle.model.DashboardFigures;
import cn.gov.eco.dashboard.lifecycle.model.EnterpriseStanding;
import cn.gov.eco.dashboard.lifecycle.model.Figure;
import cn.gov.eco.dashboard.lifecycle.model.Scope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static cn.gov.eco.dashboard.lifecycle.infrastructure.TopicEvents.record;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTopologyTest {

    static final String USCC = "91350500MA2Y0001XX";
    static final Clock NOV_23 = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    DashboardActivity activity;
    Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    DashboardQueries queries;

    @BeforeEach
    void start() {
        var builder = new StreamsBuilder();
        activity = new DashboardActivity();
        LifecycleTopology.build(builder, DashboardConfiguration.storeJson(), activity);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        for (var t : Topics.ALL) {
            inputs.put(t.name(), driver.createInputTopic(t.name(), new StringSerializer(), new ByteArraySerializer()));
        }
        queries = new DashboardQueries(new LifecycleStore() {
            @Override
            public List<CaseLifecycle> cases() {
                return all(driver.getKeyValueStore(LifecycleTopology.CASES));
            }

            @Override
            public List<EnterpriseStanding> enterprises() {
                return all(driver.getKeyValueStore(LifecycleTopology.ENTERPRISES));
            }

            @Override
            public long version() {
                return activity.version();
            }
        }, NOV_23);
    }

    static <V> List<V> all(KeyValueStore<String, V> store) {
        List<V> out = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining((KeyValue<String, V> kv) -> out.add(kv.value));
        }
        return out;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    void publish(ProducerRecord<String, byte[]> r) {
        inputs.get(r.topic()).pipeInput(new TestRecord<>(r.key(), r.value(), r.headers()));
    }

    /** A decision, its dual delivery, its publicity and an approved repair: one case through the whole funnel. */
    void wholeLifecycle(String caseId) {
        publish(record(EventTypes.PENALTY_DECIDED, caseId, USCC, Map.of()));
        publish(record(EventTypes.DUAL_DELIVERY_PREPARED, caseId, USCC, Map.of()));
        publish(record(EventTypes.DUAL_DELIVERY_COMPLETED, caseId, USCC, Map.of()));
        publish(record(EventTypes.PUBLICITY_OPENED, caseId, USCC, Map.of("recordId", caseId)));
        publish(record(EventTypes.REPAIR_APPLICATION_SUBMITTED, caseId, USCC, Map.of("applicationId", caseId + "-a")));
        publish(record(EventTypes.REPAIR_APPROVED, caseId, USCC, Map.of("applicationId", caseId + "-a")));
    }

    @Test
    void shouldCarryACaseThroughTheWholeFunnelFromTheFourTopicsItCrosses() {
        wholeLifecycle("case-1");
        publish(record(EventTypes.PENALTY_DECIDED, "case-2", USCC, Map.of()));

        DashboardFigures.Funnel funnel = queries.figures(Scope.ALL).funnel();

        assertThat(funnel.decided()).isEqualTo(2);
        assertThat(funnel.served()).isEqualTo(1);
        assertThat(funnel.published()).isEqualTo(1);
        assertThat(funnel.repairApplied()).isEqualTo(1);
        assertThat(funnel.repaired()).isEqualTo(1);
        assertThat(funnel.servedByMethod()).containsEntry("ELECTRONIC", 1L);
        assertThat(funnel.conformanceRate()).isEqualByComparingTo("100.0");
        assertThat(queries.list(Figure.SERVED, Scope.ALL, 10).rows()).extracting(DashboardQueries.CaseRow::caseId)
                .containsExactly("case-1");
    }

    @Test
    void shouldCountTheSameFiguresWhateverOrderTheTopicsAreReadIn() {
        publish(record(EventTypes.REPAIR_APPROVED, "case-9", USCC, Map.of("applicationId", "a-9")));
        publish(record(EventTypes.PUBLICITY_OPENED, "case-9", USCC, Map.of("recordId", "case-9")));
        publish(record(EventTypes.DUAL_DELIVERY_COMPLETED, "case-9", USCC, Map.of()));
        publish(record(EventTypes.PENALTY_DECIDED, "case-9", USCC, Map.of()));

        var funnel = queries.figures(Scope.ALL).funnel();

        assertThat(List.of(funnel.decided(), funnel.served(), funnel.published(), funnel.repaired()))
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(queries.agencies()).containsExactly("泉州市生态环境局");
    }

    @Test
    void shouldCountARedeliveredEventOnce() {
        publish(record(EventTypes.PENALTY_DECIDED, "case-3", USCC, Map.of()));
        var reminder = record("reminder-1", EventTypes.REMINDER_SERVED, "case-3", USCC, Map.of());
        publish(reminder);
        publish(reminder);
        var review = record("review-1", EventTypes.LEGAL_REVIEW_PASSED, "case-3", USCC,
                Map.of("reviewedDate", "2026-11-19"));
        publish(review);
        publish(review);

        assertThat(driver.<String, CaseLifecycle>getKeyValueStore(LifecycleTopology.CASES).get("case-3").reminders)
                .isEqualTo(1);
        assertThat(queries.annual(2026, null).legalReviews()).isEqualTo(1);
    }

    @Test
    void shouldSkipAndCountARecordThatIsNotACloudEventWithoutStopping() {
        inputs.get(Topics.ENFORCEMENT_CASE.name()).pipeInput(new TestRecord<>("case-4",
                "{\"caseId\":\"case-4\"}".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
        publish(record(EventTypes.PENALTY_DECIDED, "case-5", USCC, Map.of()));

        assertThat(activity.unreadableByTopic()).containsEntry(Topics.ENFORCEMENT_CASE.name(), 1L);
        assertThat(queries.figures(Scope.ALL).funnel().decided()).isEqualTo(1);
    }

    @Test
    void shouldTellOverdueServiceAndUnpaidFinesFromTheDatesTheEventsCarry() {
        // decided 2026-11-10, serve by 2026-11-19, not served on 2026-11-23: overdue now
        publish(record(EventTypes.PENALTY_DECIDED, "case-6", USCC, Map.of("decisionDate", "2026-11-10")));
        publish(record(EventTypes.DUAL_DELIVERY_PREPARED, "case-6", USCC,
                Map.of("serveBy", Map.of("date", "2026-11-19"))));
        // decided and paid in full
        publish(record(EventTypes.PENALTY_DECIDED, "case-7", USCC, Map.of()));
        publish(record(EventTypes.FINE_PAID, "case-7", USCC, Map.of()));
        // overdue with a surcharge
        publish(record(EventTypes.PENALTY_DECIDED, "case-8", USCC, Map.of()));
        publish(record(EventTypes.PAYMENT_OVERDUE, "case-8", USCC, Map.of("surchargeToDate", "10000.00")));

        var figures = queries.figures(Scope.ALL);

        assertThat(figures.service().overdueNow()).isEqualTo(1);
        assertThat(queries.list(Figure.SERVICE_OVERDUE, Scope.ALL, 10).rows()).extracting(DashboardQueries.CaseRow::caseId)
                .containsExactly("case-6");
        assertThat(figures.payment().paid()).isEqualTo(1);
        assertThat(figures.payment().due()).isEqualTo(2);
        assertThat(figures.payment().overdue()).isEqualTo(1);
        assertThat(figures.payment().surchargeAccrued()).isEqualByComparingTo(new BigDecimal("10000.00"));
    }

    @Test
    void shouldCountTheAgencyAndPeriodChosenOnly() {
        publish(record(EventTypes.PENALTY_DECIDED, "q-1", USCC, Map.of("decisionDate", "2026-03-01",
                "totalFine", "34000.00")));
        publish(record(EventTypes.PENALTY_DECIDED, "x-1", USCC, Map.of("issuingAgency", "厦门市生态环境局",
                "decisionDate", "2026-03-02", "totalFine", "34000.00")));
        publish(record(EventTypes.PENALTY_DECIDED, "q-2", USCC, Map.of("decisionDate", "2025-12-31")));

        assertThat(queries.figures(new Scope("泉州市生态环境局", null, null)).funnel().decided()).isEqualTo(2);
        assertThat(queries.figures(new Scope(null, java.time.LocalDate.parse("2026-01-01"), null)).funnel().decided())
                .isEqualTo(2);
        assertThat(queries.annual(2026, "厦门市生态环境局").penaltyDecisions()).isEqualTo(1);
        assertThat(queries.annual(2026, null).finesTotal()).isEqualByComparingTo("68000.00");
    }

    @Test
    void shouldKeepEachEnterprisesLevelFromTheCompactedStatusAndThisMonthsChanges() {
        publish(record(EventTypes.ENTERPRISE_CREDIT_STATUS, null, USCC, Map.of()));
        publish(record(EventTypes.ENTERPRISE_CREDIT_STATUS, null, "91350500MA2Y0002XX", Map.of("level", "RED")));
        publish(record(EventTypes.CREDIT_LEVEL_CHANGED, null, USCC, Map.of()));

        var levels = queries.figures(Scope.ALL).levels();

        assertThat(levels.byLevel()).containsEntry("YELLOW", 1L).containsEntry("RED", 1L);
        assertThat(levels.levelChangesThisMonth()).containsEntry("BLUE→YELLOW", 1L);
        assertThat(levels.bySupervisionTier()).containsEntry("YELLOW", 2L);
    }

    @Test
    void shouldCountWithdrawalsAfterRevocationAndWhetherTheyMetThreeWorkingDays() {
        publish(record(EventTypes.PENALTY_DECIDED, "w-1", USCC, Map.of()));
        publish(record(EventTypes.PUBLICITY_OPENED, "w-1", USCC, Map.of("recordId", "w-1")));
        publish(record(EventTypes.PUBLICITY_WITHDRAWN, "w-1", USCC, Map.of("recordId", "w-1")));
        publish(record(EventTypes.PUBLICITY_OPENED, "w-2", USCC, Map.of("recordId", "w-2")));
        publish(record(EventTypes.PUBLICITY_WITHDRAWN, "w-2", USCC, Map.of("recordId", "w-2", "deadlineMet", false)));

        var publicity = queries.figures(Scope.ALL).publicity();

        assertThat(publicity.withdrawnAfterRevocation()).isEqualTo(2);
        assertThat(publicity.withdrawnWithinLimit()).isEqualTo(1);
        assertThat(publicity.withdrawnLate()).isEqualTo(1);
        assertThat(publicity.active()).isZero();
    }
}
