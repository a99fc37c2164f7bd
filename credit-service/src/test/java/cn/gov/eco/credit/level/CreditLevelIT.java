package cn.gov.eco.credit.level;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.support.CreditServiceHarness;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.testsupport.ConsumerLag;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static cn.gov.eco.credit.support.CreditServiceHarness.JSON;
import static cn.gov.eco.credit.support.CreditServiceHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credit level through the real broker, the MongoDB wire server and HTTP (DOMAIN.md §9 scenario 27): penalties
 * deduct, a veto sets RED, repair with verified rectification restores, revocation recomputes, a no-penalty decision
 * changes nothing; the supervision tier and the compacted enterprise status follow; the other enterprise refused.
 */
class CreditLevelIT {

    static CreditServiceHarness h;

    @BeforeAll
    static void start() {
        h = new CreditServiceHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static String penalty(String uscc, String tier, List<String> types, String facts) {
        String caseId = UUID.randomUUID().toString();
        h.publish(EventTypes.PENALTY_DECIDED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            ((ObjectNode) n.get("enterprise")).put("uscc", uscc);
            n.put("severityTier", tier);
            var arr = n.putArray("penalties");
            types.forEach(t -> arr.addObject().put("type", t).put("typeZh", t));
            if (facts != null) {
                n.put("facts", facts);
            }
        }, true);
        served(uscc, caseId, "2026-11-21");
        return caseId;
    }

    /** 两书同达 completed for {@code caseId}: the decision takes effect. */
    static void served(String uscc, String caseId, String servedDate) {
        h.publish(EventTypes.DUAL_DELIVERY_COMPLETED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("deliveryId", caseId);
            n.put("uscc", uscc);
            ((ObjectNode) n.get("serviceAct")).put("servedDate", servedDate);
        }, false);
    }

    /** DOMAIN.md §0.2: a decision takes effect when served; its credit consequences follow the served date. */
    @Test
    void shouldLowerTheLevelAndTheSupervisionTierOnlyWhenTheDecisionIsServed() {
        String uscc = "91350582MA8R0002X0";
        String caseId = UUID.randomUUID().toString();
        h.publish(EventTypes.PENALTY_DECIDED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            ((ObjectNode) n.get("enterprise")).put("uscc", uscc);
            n.put("severityTier", "GENERAL");
        }, false);
        // decided, not served: recorded, but neither the score nor the level changes
        await().atMost(Duration.ofSeconds(60)).until(() -> level(uscc).get("penalties") != null
                && level(uscc).get("penalties").size() == 1);
        assertThat(level(uscc).get("level").asString()).isEqualTo("UNRATED");
        assertThat(level(uscc).get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(h.seen(EventTypes.CREDIT_LEVEL_CHANGED, uscc)).isEmpty();

        served(uscc, caseId, "2026-11-25");
        awaitLevel(uscc, "BLUE", "70.0");
        var l = level(uscc);
        assertThat(l.at("/penalties/0/servedDate").asString()).isEqualTo("2026-11-25");
        assertThat(l.get("history").valueStream().map(x -> x.get("reasonZh").asString()).toList())
                .anyMatch(z -> z.contains("2026-11-25送达生效"));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.SUPERVISION_TIER_CHANGED, uscc).size() == 1);
    }

    static JsonNode level(String uscc) {
        return JSON.readTree(h.http(Persona.CREDIT_REVIEWER).get("/api/enterprises/" + uscc + "/credit-level").body());
    }

    static void awaitLevel(String uscc, String level, String score) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var l = level(uscc);
            return l.get("level").asString().equals(level) && l.get("score").decimalValue().compareTo(
                    new java.math.BigDecimal(score)) == 0;
        });
    }

    static List<JsonNode> events(EventType type, String uscc) {
        List<ConsumerRecord<String, byte[]>> seen = h.seen(type, uscc);
        for (var r : seen) {
            assertThat(r.key()).isEqualTo(uscc);
            String json = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(new EventSchemas().errors(type, json)).as(json).isEmpty();
        }
        return seen.stream().map(CreditServiceHarness::payload).toList();
    }

    @Test
    void shouldDropBlueToYellowOnAGeneralPenaltyAndRestoreBlueAfterRepairAndVerifiedRectificationScenario27() {
        String uscc = "91350582MA8R00014H";
        penalty(uscc, "MINOR", List.of("WARNING"), null);
        awaitLevel(uscc, "BLUE", "95.0");
        String general = penalty(uscc, "GENERAL", List.of("FINE"), null);
        awaitLevel(uscc, "YELLOW", "65.0");
        var supervision = level(uscc).get("supervision");
        assertThat(supervision.get("inspectionFrequencyZh").asString()).isEqualTo("每季度不超过1次现场检查");

        h.publish(EventTypes.REPAIR_APPROVED, uscc, general, n -> {
            n.put("uscc", uscc);
            n.put("caseId", general);
            n.put("recordId", general);
        }, true);
        h.publish(EventTypes.RECTIFICATION_VERIFIED, general, general, n -> {
            n.put("uscc", uscc);
            n.put("caseId", general);
        }, true);
        awaitLevel(uscc, "BLUE", "95.0");
        var l = level(uscc);
        assertThat(l.at("/supervision/inspectionFrequencyZh").asString()).isEqualTo("每半年不超过1次现场检查");
        assertThat(l.get("history").valueStream().map(x -> x.get("reason").asString()).toList())
                .containsSubsequence("PENALTY_DECIDED", "PENALTY_DECIDED", "REPAIR_RESTORED");
        assertThat(l.get("history").valueStream().allMatch(x -> !x.get("reasonZh").asString().isBlank())).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.CREDIT_LEVEL_CHANGED, uscc).size() >= 3);
        var changes = events(EventTypes.CREDIT_LEVEL_CHANGED, uscc);
        assertThat(changes).extracting(x -> x.get("from").asString() + "→" + x.get("to").asString())
                .containsExactly("UNRATED→BLUE", "BLUE→YELLOW", "YELLOW→BLUE");
        assertThat(changes.get(1).get("score").asString()).isEqualTo("65.0");
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.SUPERVISION_TIER_CHANGED, uscc).size() >= 3);
        var tiers = events(EventTypes.SUPERVISION_TIER_CHANGED, uscc);
        assertThat(tiers.get(1).at("/from/perMonths").asInt()).isEqualTo(6);
        assertThat(tiers.get(1).at("/to/perMonths").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc).stream()
                .anyMatch(s -> s.get("level").asString().equals("BLUE") && s.get("score").asString().equals("95.0")
                        && s.at("/supervision/perMonths").asInt() == 6));
        var last = h.seen(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc).getLast();
        assertThat(last.topic()).isEqualTo(Topics.CREDIT_ENTERPRISE_STATUS.name());
        assertThat(payload(last).get("level").asString()).isEqualTo("BLUE");
    }

    @Test
    void shouldCountTheEnterprisesOpenRepairApplicationsInItsStatus() {
        String uscc = "91350500MA2Y07772T"; // an enterprise no other test here touches
        String application = java.util.UUID.randomUUID().toString();
        h.publish(EventTypes.REPAIR_APPLICATION_SUBMITTED, uscc, uscc, n -> n.put("uscc", uscc)
                .put("applicationId", application), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc).stream()
                .anyMatch(s -> s.get("openRepairApplications").asInt() == 1));
        h.publish(EventTypes.REPAIR_DENIED, uscc, uscc, n -> n.put("uscc", uscc).put("applicationId", application),
                true);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var statuses = events(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc);
            return statuses.getLast().get("openRepairApplications").asInt() == 0;
        });
        assertThat(events(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc)).as("each event was delivered twice")
                .allMatch(s -> s.get("openRepairApplications").asInt() <= 1);
    }

    @Test
    void shouldSetRedOnAVetoViolationWithQuarterlyAssistanceAndTheFastLane() {
        String uscc = Persona.USCC_B;
        penalty(uscc, "GENERAL", List.of("FINE"), "2026年9月15日检查发现当事人私设暗管排放生产废水。");
        awaitLevel(uscc, "RED", "70.0");
        var l = level(uscc);
        assertThat(l.get("veto").asBoolean()).isTrue();
        assertThat(l.at("/supervision/onSiteAssistanceQuarterly").asBoolean()).isTrue();
        assertThat(l.at("/supervision/repairFastLane").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !events(EventTypes.CREDIT_LEVEL_CHANGED, uscc).isEmpty());
        assertThat(events(EventTypes.CREDIT_LEVEL_CHANGED, uscc).getFirst().get("reason").asString())
                .isEqualTo("VETO_VIOLATION");
    }

    @Test
    void shouldRecomputeWithoutARevokedPenalty() {
        String uscc = "91350503155000013G";
        String caseId = penalty(uscc, "GENERAL", List.of("FINE"), null);
        awaitLevel(uscc, "BLUE", "70.0");
        h.publish(EventTypes.DECISION_REVOKED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("uscc", uscc);
        }, true);
        awaitLevel(uscc, "GREEN", "100.0");
        assertThat(level(uscc).get("history").valueStream().map(x -> x.get("reason").asString()).toList())
                .containsExactly("PENALTY_DECIDED", "DECISION_REVOKED");
    }

    @Test
    void shouldNotChangeTheLevelForANoPenaltyDecision() {
        String uscc = "91350521MA34AB123H";
        String caseId = UUID.randomUUID().toString();
        h.publish(EventTypes.NO_PENALTY_DECIDED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("uscc", uscc);
        }, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerLag.of(TestInfrastructure.get()
                .kafkaBootstrapServers(), h.group + ".level", Topics.ENFORCEMENT_CASE.name()) == 0);
        var l = level(uscc);
        assertThat(l.get("level").asString()).isEqualTo("UNRATED");
        assertThat(l.get("history").size()).isZero();
        assertThat(h.seen(EventTypes.CREDIT_LEVEL_CHANGED, uscc)).isEmpty();
        assertThat(h.seen(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc)).isEmpty();
    }

    @Test
    void shouldCountTheEnterprisesOpenPublicityRecordsInItsStatus() {
        String uscc = Persona.USCC_A;
        String caseId = UUID.randomUUID().toString();
        h.publish(EventTypes.DUAL_DELIVERY_COMPLETED, caseId, caseId, n -> {
            n.put("caseId", caseId);
            n.put("deliveryId", caseId);
            n.put("uscc", uscc);
        }, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> events(EventTypes.ENTERPRISE_CREDIT_STATUS, uscc).stream()
                .anyMatch(s -> s.get("openRecordIds").valueStream().anyMatch(x -> x.asString().equals(caseId))));
        assertThat(level(uscc).get("openPublicityRecords").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldLetOnlyTheAgencyHeadSetThePositiveListAndOnlyTheEnterpriseItselfReadItsLevel() {
        String uscc = Persona.USCC_A;
        String path = "/api/enterprises/" + uscc + "/positive-list";
        var bad = h.http(Persona.AGENCY_HEAD).send("PUT", path, "application/json", "{\"onList\":true}".getBytes());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"reason\"").contains("REQUIRED");
        var malformed = h.http(Persona.AGENCY_HEAD).send("PUT", path, "application/json", "{\"onList\":".getBytes());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(h.http(Persona.CREDIT_REVIEWER).send("PUT", path, "application/json",
                "{\"onList\":true,\"reason\":\"x\"}".getBytes()).statusCode()).isEqualTo(403);
        assertThat(h.http(Persona.ENTERPRISE_A).send("PUT", path, "application/json",
                "{\"onList\":true,\"reason\":\"x\"}".getBytes()).statusCode()).isEqualTo(403);
        var ok = h.http(Persona.AGENCY_HEAD).send("PUT", path, "application/json",
                "{\"onList\":true,\"reason\":\"在线监测全覆盖，近三年无违法记录\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).at("/supervision/tier").asString()).isEqualTo("POSITIVE_LIST");

        var own = h.http(Persona.ENTERPRISE_A).get("/api/enterprises/" + uscc + "/credit-level");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("positiveList").asBoolean()).isTrue();
        var other = h.http(Persona.ENTERPRISE_B).get("/api/enterprises/" + uscc + "/credit-level");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(other.body()).contains("ENTERPRISE_SCOPE");
        assertThat(h.http(Persona.DASHBOARD).get("/api/enterprises/" + uscc + "/credit-level").statusCode())
                .isEqualTo(403);
        assertThat(h.anonymous().get("/api/enterprises/" + uscc + "/credit-level").statusCode()).isEqualTo(401);
        var invalid = h.http(Persona.CREDIT_REVIEWER).get("/api/enterprises/91350500MA2Y0001OX/credit-level");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("USCC_CHARSET");
    }
}
