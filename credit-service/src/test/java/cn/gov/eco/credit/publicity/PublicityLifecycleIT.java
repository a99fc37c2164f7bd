package cn.gov.eco.credit.publicity;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.publicity.application.PublicityLifecycle;
import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.support.CreditServiceHarness;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.testsupport.ConsumerLag;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.gov.eco.credit.support.CreditServiceHarness.JSON;
import static cn.gov.eco.credit.support.CreditServiceHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publicity record over its life, through the real broker, the MongoDB wire server and HTTP: the scheduler
 * with a clock moved across month ends and holidays, withdrawal on revocation and change, repair termination and
 * republication, the staff lists and the confirmation of transitional records, the other enterprise refused.
 */
class PublicityLifecycleIT {

    static final String USCC = Persona.USCC_A;
    static CreditServiceHarness h;

    @BeforeAll
    static void start() {
        h = new CreditServiceHarness("--platform.publicity.non-repairable.penalty-types[0]=ORDER_TO_CLOSE",
                "--platform.publicity.non-repairable.tiers[0]=SERIOUS");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static String open(String decisionDate, String tier, List<String> types) {
        String caseId = UUID.randomUUID().toString();
        h.publish(EventTypes.DUAL_DELIVERY_COMPLETED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("deliveryId", caseId);
            n.put("uscc", USCC);
            var d = (ObjectNode) n.get("decision");
            d.put("decisionDate", decisionDate);
            d.put("severityTier", tier);
            var arr = d.putArray("penaltyTypes");
            types.forEach(arr::add);
        }, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> record(caseId) != null);
        return caseId;
    }

    static JsonNode record(String caseId) {
        return JSON.readTree(h.http(Persona.CREDIT_REVIEWER).get("/api/enterprises/" + USCC + "/publicity-records")
                .body()).get("records").valueStream().filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst().orElse(null);
    }

    static String status(String caseId) {
        return record(caseId).get("status").asString();
    }

    static PublicityLifecycle lifecycle() {
        return h.bean(PublicityLifecycle.class);
    }

    static JsonNode onlyEvent(EventType type, String caseId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !h.seen(type, caseId).isEmpty());
        var events = h.seen(type, caseId);
        assertThat(events).as(type.name()).hasSize(1);
        assertThat(events.getFirst().key()).isEqualTo(USCC);
        String json = new String(events.getFirst().value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(type, json)).as(json).isEmpty();
        return payload(events.getFirst());
    }

    static void revoke(String caseId, String effectiveDate, String withdrawBy, boolean twice) {
        h.publish(EventTypes.DECISION_REVOKED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("uscc", USCC);
            n.put("effectiveDate", effectiveDate);
            ((ObjectNode) n.get("withdrawBy")).put("date", withdrawBy);
        }, twice);
    }

    static void repair(EventType type, String caseId, String applicationId, String dateField, String date) {
        h.publish(type, USCC, caseId, n -> {
            n.put("recordId", caseId);
            n.put("caseId", caseId);
            n.put("uscc", USCC);
            n.put("applicationId", applicationId);
            n.put(dateField, date);
        }, true);
    }

    static void awaitConsumed(String topic) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerLag.of(TestInfrastructure.get()
                .kafkaBootstrapServers(), h.group + ".publicity", topic) == 0);
    }

    @Test
    void shouldOpenTheRepairWindowAtMidnightAfterTheMinimumEndAcrossAMonthEndAndStopAfterTheMaximum() {
        h.clock.setShanghai("2025-12-02", 3600);
        String caseId = open("2025-11-30", "GENERAL", List.of("FINE")); // + 3 months → 2026-02-28 (no 30 Feb)
        assertThat(record(caseId).at("/plan/minPeriodEnd/date").asString()).isEqualTo("2026-02-28");

        h.clock.setShanghai("2026-03-01", -1); // 2026-02-28 23:59:59 in Shanghai
        lifecycle().runDue(1000);
        assertThat(status(caseId)).isEqualTo("PUBLISHED_MIN_RUNNING");

        h.clock.setShanghai("2026-03-01", 0);
        lifecycle().runDue(1000);
        lifecycle().runDue(1000); // a second pass (another instance, a restart) changes nothing
        assertThat(status(caseId)).isEqualTo("PUBLISHED_REPAIRABLE");
        JsonNode elapsed = onlyEvent(EventTypes.PUBLICITY_MINIMUM_PERIOD_ELAPSED, caseId);
        assertThat(elapsed.at("/earliestApplicationDate/date").asString()).isEqualTo("2026-03-01");
        assertThat(elapsed.get("repairWindowOpen").asBoolean()).isTrue();
        assertThat(elapsed.get("reminderZh").asString()).contains("2026-03-01");
        assertThat(elapsed.get("previousStatus").asString()).isEqualTo("PUBLISHED_MIN_RUNNING");

        h.clock.setShanghai("2026-12-01", 0); // max end 2026-11-30 → stops on 2026-12-01 (T31)
        lifecycle().runDue(1000);
        assertThat(status(caseId)).isEqualTo("EXPIRED");
        assertThat(onlyEvent(EventTypes.PUBLICITY_EXPIRED, caseId).get("stoppedOn").asString()).isEqualTo("2026-12-01");
    }

    @Test
    void shouldTakeOverAClaimWhoseHolderDiedOnlyAfterItsLeaseEnds() {
        h.clock.setShanghai("2026-04-01", 3600);
        String caseId = open("2026-04-01", "GENERAL", List.of("FINE")); // min end 2026-07-01, Order 36
        assertThat(record(caseId).get("transitionReview").isNull()).isTrue();
        h.clock.setShanghai("2026-07-02", 60);
        // an instance claims every due record and dies before writing anything
        var repo = h.bean(PublicityRepository.class);
        Instant now = h.clock.instant();
        while (!repo.claimDue(now, now.plus(Duration.ofMinutes(2)), 100).isEmpty()) {
            // claimed
        }
        lifecycle().runDue(1000);
        assertThat(status(caseId)).as("still held by the dead instance's lease").isEqualTo("PUBLISHED_MIN_RUNNING");
        h.clock.set(now.plus(Duration.ofMinutes(3)));
        lifecycle().runDue(1000);
        assertThat(status(caseId)).isEqualTo("PUBLISHED_REPAIRABLE");
        assertThat(onlyEvent(EventTypes.PUBLICITY_MINIMUM_PERIOD_ELAPSED, caseId).at("/earliestApplicationDate/date")
                .asString()).isEqualTo("2026-07-02");
    }

    @Test
    void shouldWithdrawOnARevocationWithinTheDeadlineOnceAndListItForStaff() {
        h.clock.setShanghai("2026-11-23", 3600);
        String caseId = open("2026-11-20", "GENERAL", List.of("FINE"));
        h.clock.setShanghai("2026-11-25", 3600);
        revoke(caseId, "2026-11-24", "2026-11-27", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(caseId).equals("WITHDRAWN"));
        awaitConsumed(Topics.ENFORCEMENT_CASE.name());
        JsonNode withdrawn = onlyEvent(EventTypes.PUBLICITY_WITHDRAWN, caseId);
        assertThat(withdrawn.get("deadlineMet").asBoolean()).isTrue();
        assertThat(withdrawn.at("/withdrawBy/date").asString()).isEqualTo("2026-11-27");
        assertThat(withdrawn.get("withdrawnOn").asString()).isEqualTo("2026-11-25");
        assertThat(withdrawn.get("reason").asString()).contains("行政复议决定撤销");
        assertThat(withdrawn.get("wasPublished").asBoolean()).isTrue();

        var list = JSON.readTree(h.http(Persona.LEGAL_REVIEWER).get("/api/publicity-records/withdrawals").body());
        JsonNode listed = list.get("records").valueStream().filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst().orElseThrow();
        assertThat(listed.at("/withdrawal/deadlineMet").asBoolean()).isTrue();
        // 3 working days from Tue 2026-11-24, recomputed here with its derivation (T14)
        assertThat(listed.at("/withdrawal/withdrawByDerivation/date").asString()).isEqualTo("2026-11-27");
        assertThat(listed.at("/withdrawal/withdrawByDerivation/derivation/rule/id").asString()).isEqualTo("T14");
        var refused = h.http(Persona.ENTERPRISE_A).get("/api/publicity-records/withdrawals");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void shouldWithdrawARecordWhoseRevocationArrivedBeforeItOpened() {
        h.clock.setShanghai("2026-11-25", 3600);
        String caseId = UUID.randomUUID().toString();
        revoke(caseId, "2026-11-24", "2026-11-27", true);
        awaitConsumed(Topics.ENFORCEMENT_CASE.name());
        assertThat(record(caseId)).isNull();
        h.publish(EventTypes.DUAL_DELIVERY_COMPLETED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("deliveryId", caseId);
            n.put("uscc", USCC);
        }, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> record(caseId) != null
                && status(caseId).equals("WITHDRAWN"));
        assertThat(onlyEvent(EventTypes.PUBLICITY_WITHDRAWN, caseId).get("deadlineMet").asBoolean()).isTrue();
        assertThat(onlyEvent(EventTypes.PUBLICITY_OPENED, caseId).get("status").asString())
                .isEqualTo("PUBLISHED_MIN_RUNNING");
    }

    @Test
    void shouldRecordALateWithdrawalAsLate() {
        h.clock.setShanghai("2026-11-23", 3600);
        String caseId = open("2026-11-20", "GENERAL", List.of("FINE"));
        h.clock.setShanghai("2026-12-02", 3600);
        // the event says 2026-12-04; 3 working days from Tue 2026-11-24 end on 2026-11-27: the earlier applies
        revoke(caseId, "2026-11-24", "2026-12-04", false);
        JsonNode withdrawn = onlyEvent(EventTypes.PUBLICITY_WITHDRAWN, caseId);
        assertThat(withdrawn.at("/withdrawBy/date").asString()).isEqualTo("2026-11-27");
        assertThat(withdrawn.get("deadlineMet").asBoolean()).isFalse();
    }

    @Test
    void shouldWithdrawTheOldContentAndRepublishTheAmendedDecisionWithTheLongerPeriods() {
        h.clock.setShanghai("2026-11-23", 3600);
        String caseId = open("2026-11-20", "GENERAL", List.of("FINE"));
        h.publish(EventTypes.DECISION_AMENDED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("uscc", USCC);
            n.put("effectiveDate", "2026-11-23");
            ((ObjectNode) n.get("amended")).put("severityTier", "SERIOUS");
        }, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> !h.seen(EventTypes.PUBLICITY_REPUBLISHED, caseId).isEmpty());
        awaitConsumed(Topics.ENFORCEMENT_CASE.name());
        assertThat(onlyEvent(EventTypes.PUBLICITY_WITHDRAWN, caseId).get("trigger").asString())
                .isEqualTo("DECISION_AMENDED");
        JsonNode republished = onlyEvent(EventTypes.PUBLICITY_REPUBLISHED, caseId);
        assertThat(republished.get("cause").asString()).isEqualTo("DECISION_AMENDED");
        assertThat(republished.get("severityTier").asString()).isEqualTo("SERIOUS");
        assertThat(republished.at("/maxPeriodEnd/date").asString()).isEqualTo("2029-11-20");
        assertThat(record(caseId).get("status").asString()).isEqualTo("PUBLISHED_MIN_RUNNING");
    }

    @Test
    void shouldTerminateByRepairAndRepublishUntilTheOriginalMaximumEndWhenTheRepairIsRevoked() {
        h.clock.setShanghai("2026-04-08", 3600);
        String caseId = open("2026-04-07", "GENERAL", List.of("FINE")); // min end 2026-07-07, max end 2027-04-07
        h.clock.setShanghai("2026-07-08", 60);
        lifecycle().runDue(1000);
        assertThat(status(caseId)).isEqualTo("PUBLISHED_REPAIRABLE");
        String app = UUID.randomUUID().toString();
        repair(EventTypes.REPAIR_APPROVED, caseId, app, "approvedDate", "2026-07-15");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(caseId).equals("TERMINATED_BY_REPAIR"));
        assertThat(onlyEvent(EventTypes.PUBLICITY_TERMINATED_BY_REPAIR, caseId).get("applicationId").asString())
                .isEqualTo(app);

        h.clock.setShanghai("2026-09-15", 3600);
        repair(EventTypes.REPAIR_REVOKED, caseId, app, "revokedDate", "2026-09-15");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(caseId).equals("REPUBLISHED"));
        JsonNode republished = onlyEvent(EventTypes.PUBLICITY_REPUBLISHED, caseId);
        assertThat(republished.get("cause").asString()).isEqualTo("REPAIR_REVOKED");
        assertThat(republished.get("runsUntil").asString()).isEqualTo("2027-04-07");
        assertThat(record(caseId).at("/repair/reapplicationBarredUntil").asString()).isEqualTo("2030-05-15");
    }

    @Test
    void shouldRefuseARepairBeforeTheMinimumPeriodAndSendItToTheDeadLetterTopic() {
        h.clock.setShanghai("2026-11-23", 3600);
        String caseId = open("2026-11-20", "SERIOUS", List.of("FINE"));
        repair(EventTypes.REPAIR_APPROVED, caseId, UUID.randomUUID().toString(), "approvedDate", "2026-11-23");
        await().atMost(Duration.ofSeconds(30)).until(() -> h.probe.poll().stream().anyMatch(r ->
                r.topic().equals(Topics.CREDIT_REPAIR.deadLetterTopic())
                        && caseId.equals(TopicProbe.header(r, "ce_subject"))));
        assertThat(status(caseId)).isEqualTo("PUBLISHED_MIN_RUNNING");
        assertThat(h.seen(EventTypes.PUBLICITY_TERMINATED_BY_REPAIR, caseId)).isEmpty();
    }

    @Test
    void shouldKeepASpecifiedSeriousBreachNonRepairableAndSayWhyInTheEvents() {
        h.clock.setShanghai("2026-11-23", 3600);
        String caseId = open("2025-11-20", "SERIOUS", List.of("FINE", "ORDER_TO_CLOSE"));
        JsonNode r = record(caseId);
        assertThat(r.get("status").asString()).isEqualTo("PUBLISHED_NON_REPAIRABLE");
        assertThat(r.at("/classification/nonRepairable").asBoolean()).isTrue();
        JsonNode opened = onlyEvent(EventTypes.PUBLICITY_OPENED, caseId);
        assertThat(opened.get("nonRepairable").asBoolean()).isTrue();
        assertThat(opened.get("nonRepairableReasonZh").asString()).contains("特定严重失信");
    }

    @Test
    void shouldCreateNoRecordForANoPenaltyDecision() {
        String caseId = UUID.randomUUID().toString();
        h.publish(EventTypes.NO_PENALTY_DECIDED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("uscc", USCC);
        }, false);
        awaitConsumed(Topics.ENFORCEMENT_CASE.name());
        assertThat(record(caseId)).isNull();
        assertThat(h.seen(EventTypes.PUBLICITY_OPENED, caseId)).isEmpty();
        assertThat(h.seen(EventTypes.PUBLICITY_NOT_PUBLISHED, caseId)).isEmpty();
    }

    @Test
    void shouldListTransitionalRecordsUntilALegalReviewerConfirmsThem() {
        h.clock.setShanghai("2026-04-02", 3600);
        String caseId = open("2026-03-20", "GENERAL", List.of("FINE")); // Order 58, now replaced
        assertThat(record(caseId).at("/plan/ruleSetId").asString()).isEqualTo("NDRC-ORDER-58");
        var list = JSON.readTree(h.http(Persona.CREDIT_REVIEWER).get("/api/publicity-records/transitional").body());
        assertThat(list.get("records").valueStream().map(x -> x.get("caseId").asString())).contains(caseId);

        String path = "/api/publicity-records/" + caseId + "/transition-confirmation";
        var notAllowed = h.http(Persona.CREDIT_REVIEWER).postJson(path, "{\"note\":\"x\"}");
        assertThat(notAllowed.statusCode()).isEqualTo(403);
        var confirmed = h.http(Persona.LEGAL_REVIEWER).postJson(path, "{\"note\":\"按第58号令计算公示期\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).at("/transitionReview/confirmedBy").asString())
                .isEqualTo("legal-reviewer");
        var again = h.http(Persona.LEGAL_REVIEWER).postJson(path, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("NOT_AWAITING_TRANSITION_CONFIRMATION");
        var missing = h.http(Persona.LEGAL_REVIEWER).postJson("/api/publicity-records/no-such-record/transition-confirmation", "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
        var list2 = JSON.readTree(h.http(Persona.CREDIT_REVIEWER).get("/api/publicity-records/transitional").body());
        assertThat(list2.get("records").valueStream().map(x -> x.get("caseId").asString())).doesNotContain(caseId);
    }

    @Test
    void shouldRefuseTheOtherEnterpriseWithProblemJson() {
        var response = h.http(Persona.ENTERPRISE_B).get("/api/enterprises/" + USCC + "/publicity-records");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("ENTERPRISE_SCOPE");
        assertThat(h.http(Persona.ENTERPRISE_A).get("/api/enterprises/" + USCC + "/publicity-records").statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldAdvanceEveryDueRecordOfABatchExactlyOnceAndMeasureThePace() {
        h.clock.setShanghai("2026-01-05", 3600);
        var opener = lifecycle();
        var sample = CreditServiceHarness.golden(EventTypes.DUAL_DELIVERY_COMPLETED);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String caseId = "batch-" + h.run + "-" + i;
            ids.add(caseId);
            sample.put("caseId", caseId);
            sample.put("uscc", "91350503155000013G");
            ((ObjectNode) sample.get("decision")).put("decisionDate", "2026-01-04");
            CreditServiceHarness.carryPlan(h.app, (ObjectNode) sample.get("decision"));
            opener.onDualDeliveryCompleted(JSON.treeToValue(sample,
                    cn.gov.eco.credit.publicity.application.DualDeliveryCompletedMessage.class));
        }
        h.clock.setShanghai("2026-04-05", 0); // min end 2026-04-04 (Qingming holiday, not moved) → repairable 04-05
        long start = System.nanoTime();
        int changed = 0;
        for (int n; (n = lifecycle().runDue(1000)) > 0; ) {
            changed += n;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("publicity scheduler: %d records advanced in %d ms (%.0f/s)%n", changed, millis,
                changed * 1000.0 / Math.max(1, millis));
        var repo = h.bean(PublicityRepository.class);
        assertThat(ids).allSatisfy(id -> assertThat(repo.find(id).orElseThrow().record().status().name())
                .isEqualTo("PUBLISHED_REPAIRABLE"));
        assertThat(ids).allSatisfy(id -> assertThat(repo.find(id).orElseThrow().lastSequence()).isEqualTo(2));
        assertThat(lifecycle().runDue(1000)).isZero();
    }
}
