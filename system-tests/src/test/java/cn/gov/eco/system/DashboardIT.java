package cn.gov.eco.system;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's figures against counts this test computes itself from the public topics (read from the beginning
 * with a plain consumer, as any downstream reader would), after decisions recorded through the gateway; and again
 * after the dashboard is stopped, its state deleted and started again.
 */
class DashboardIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSystem system;
    private static TopicProbe probe;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(),
                Topics.ALL.stream().map(Topic::name).toList());
    }

    @AfterAll
    static void closeTheProbe() {
        probe.close();
    }

    static Http gateway() {
        return new Http("http://localhost:" + system.gatewayPort);
    }

    /**
     * The funnel counted straight from the records: distinct case ids with a decision; of those, with both documents
     * served; with a publicity record opened; with a repair application received (not refused at the door);
     * repaired (approved and not revoked, or publicity terminated by repair).
     */
    static Map<String, Long> countedFromTheTopics() {
        Set<String> decided = new HashSet<>();
        Set<String> served = new HashSet<>();
        Set<String> published = new HashSet<>();
        Set<String> submittedApps = new HashSet<>();
        Set<String> blockedApps = new HashSet<>();
        Map<String, String> appCase = new LinkedHashMap<>();
        Set<String> approvedApps = new HashSet<>();
        Set<String> revokedApps = new HashSet<>();
        Set<String> terminated = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : probe.poll()) {
            String type = TopicProbe.header(r, "ce_type");
            if (type == null) {
                continue;
            }
            JsonNode p = JSON.readTree(r.value());
            String caseId = p.path("caseId").asString(null);
            String app = p.path("applicationId").asString(null);
            if (app != null) {
                appCase.put(app, caseId);
            }
            switch (type.replaceFirst("^cn\\.gov\\.eco\\.[a-z]+\\.", "").replaceFirst("\\.v1$", "")) {
                case "PenaltyDecided" -> decided.add(caseId);
                case "DualDeliveryCompleted" -> served.add(caseId);
                case "PublicityOpened", "PublicityRepublished" -> published.add(caseId);
                case "RepairApplicationSubmitted" -> submittedApps.add(app);
                case "RepairApplicationBlocked" -> blockedApps.add(app);
                case "RepairApproved" -> approvedApps.add(app);
                case "RepairRevoked" -> revokedApps.add(app);
                case "PublicityTerminatedByRepair" -> terminated.add(caseId);
                default -> {
                }
            }
        }
        served.retainAll(decided);
        Set<String> applied = new HashSet<>();
        submittedApps.stream().filter(a -> !blockedApps.contains(a)).forEach(a -> applied.add(appCase.get(a)));
        Set<String> repaired = new HashSet<>(terminated);
        approvedApps.stream().filter(a -> !revokedApps.contains(a)).forEach(a -> repaired.add(appCase.get(a)));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("decided", (long) decided.size());
        counts.put("served", (long) served.size());
        counts.put("published", (long) published.size());
        counts.put("repairApplied", (long) applied.size());
        counts.put("repaired", (long) repaired.size());
        return counts;
    }

    /** The dashboard's funnel as the {@code dashboard} client reads it through the gateway. */
    static Map<String, Long> shownByTheDashboard() {
        var r = gateway().as(Persona.DASHBOARD).get("/api/dashboard/funnel");
        if (r.statusCode() != 200) {
            return Map.of("status", (long) r.statusCode());
        }
        JsonNode f = JSON.readTree(r.body());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : List.of("decided", "served", "published", "repairApplied", "repaired")) {
            counts.put(name, f.path(name).asLong());
        }
        return counts;
    }

    /** Waits until the two agree (both are recomputed on every poll: the pipeline may still be moving). */
    static Map<String, Long> agreed() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> independent = countedFromTheTopics();
            assertThat(shownByTheDashboard()).isEqualTo(independent);
            last.set(independent);
        });
        return last.get();
    }

    @Test
    void shouldShowTheFiguresCountedFromTheTopicsAndTheSameAfterARestartWithItsStateDeleted() {
        var officer = gateway().as(Persona.OFFICER_LIN);
        for (int i = 0; i < 3; i++) {
            var posted = officer.postJson("/api/cases/decisions", RunningSystem.example("泉环罚〔2026〕" + (9100 + i) + "号"));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        }
        // the decisions are served electronically (consent on file) and published by credit-service
        await().atMost(Duration.ofSeconds(120)).until(() -> countedFromTheTopics().get("published") >= 3);

        Map<String, Long> before = agreed();
        assertThat(before.get("decided")).isGreaterThanOrEqualTo(3);
        assertThat(before.get("served")).isGreaterThanOrEqualTo(3);

        // the list behind a figure holds what the figure counts
        var list = JSON.readTree(gateway().as(Persona.AGENCY_HEAD)
                .get("/api/dashboard/cases?figure=DECIDED&limit=1000").body());
        assertThat(list.path("total").asLong()).isEqualTo(before.get("decided"));
        assertThat(list.path("rows").valueStream().map(r -> r.path("documentNumber").asString()))
                .contains("泉环罚〔2026〕9100号", "泉环罚〔2026〕9101号", "泉环罚〔2026〕9102号");

        system.restartDashboard();

        Map<String, Long> after = agreed();
        assertThat(after.get("decided")).isGreaterThanOrEqualTo(before.get("decided"));
    }
}
