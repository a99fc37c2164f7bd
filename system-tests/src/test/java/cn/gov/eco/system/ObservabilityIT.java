package cn.gov.eco.system;

import cn.gov.eco.contracts.Topics;
import cn.gov.eco.platform.trace.TraceContext;
import cn.gov.eco.testsupport.AlertRules;
import cn.gov.eco.testsupport.ContractLint;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.Scrape;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and integrators read from the running system: every application's {@code /actuator/prometheus}
 * with the lifecycle meters moving for one decision, every metric an alert rule or a dashboard panel names
 * published, the OpenAPI documents served through the gateway accepted by Redocly, and one trace id from the
 * gateway request through case-service, the Kafka hop and notice-service to credit-service.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static RunningSystem system;
    private static TopicProbe probe;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), List.of(Topics.ENFORCEMENT_CASE.name(),
                Topics.NOTICE_DELIVERY.name(), Topics.CREDIT_PUBLICITY.name()));
    }

    @AfterAll
    static void stop() {
        if (probe != null) {
            probe.close();
        }
    }

    private static Map<String, ConfigurableApplicationContext> applications() {
        Map<String, ConfigurableApplicationContext> apps = new LinkedHashMap<>();
        apps.put("case-service", system.caseService);
        apps.put("notice-service", system.noticeService);
        apps.put("credit-service", system.creditService);
        apps.put("gateway", system.gateway);
        apps.put("auth-server", system.authServer);
        return apps;
    }

    private static Scrape scrape(String application) {
        return Scrape.of(RunningSystem.baseUrl(applications().get(application)));
    }

    /** Records a decision through the gateway inside a trace the caller started ({@code traceparent}). */
    private static String decide(String documentNumber, TraceContext trace) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + system.gatewayPort
                        + "/api/cases/decisions"))
                .header("Authorization", "Bearer " + TestTokens.get().token(Persona.OFFICER_LIN))
                .header("Content-Type", "application/json")
                .header("traceparent", trace.header())
                .POST(HttpRequest.BodyPublishers.ofString(RunningSystem.example(documentNumber))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("caseId").asString();
    }

    @Test
    void shouldMoveTheLifecycleMetersOfEveryServiceForOneDecision() throws Exception {
        Map<String, Scrape> before = new LinkedHashMap<>();
        applications().keySet().forEach(a -> before.put(a, scrape(a)));
        before.forEach((a, s) -> assertThat(s.names()).as(a).contains("jvm_memory_used_bytes"));

        decide("泉环罚〔2026〕1611号", TraceContext.newRoot());

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(scrape("case-service").sum("lifecycle_decisions_accepted_total", "kind", "penalty"))
                    .isEqualTo(before.get("case-service").sum("lifecycle_decisions_accepted_total", "kind", "penalty") + 1);
            Scrape notice = scrape("notice-service");
            assertThat(notice.sum("lifecycle_documents_prepared_total"))
                    .isGreaterThan(before.get("notice-service").sum("lifecycle_documents_prepared_total"));
            assertThat(notice.sum("lifecycle_documents_render_seconds_count", "outcome", "rendered"))
                    .isGreaterThan(before.get("notice-service").sum("lifecycle_documents_render_seconds_count",
                            "outcome", "rendered"));
            assertThat(notice.sum("lifecycle_decision_to_service_seconds_count"))
                    .isGreaterThan(before.get("notice-service").sum("lifecycle_decision_to_service_seconds_count"));
            assertThat(notice.sum("lifecycle_deliveries_attempts_total", "method", "ELECTRONIC"))
                    .isGreaterThan(before.get("notice-service").sum("lifecycle_deliveries_attempts_total", "method",
                            "ELECTRONIC"));
            assertThat(scrape("credit-service").sum("lifecycle_publicity_transitions_total", "type", "PublicityOpened"))
                    .isGreaterThan(before.get("credit-service").sum("lifecycle_publicity_transitions_total", "type",
                            "PublicityOpened"));
        });
        // the walkthrough's clock: decided 2026-11-20 (Asia/Shanghai), served 2026-11-23T02:00Z: within 7 days
        Scrape notice = scrape("notice-service");
        assertThat(notice.sum("lifecycle_decision_to_service_seconds_bucket", "le", "604800.0"))
                .isEqualTo(notice.sum("lifecycle_decision_to_service_seconds_count"));
        assertThat(String.join("\n", notice.series().keySet())).doesNotContain("91350500MA2Y0001XX");
    }

    @Test
    void shouldPublishEveryMetricThatAnAlertRuleOrADashboardPanelNames() throws Exception {
        decide("泉环罚〔2026〕1612号", TraceContext.newRoot());
        List<String> named = AlertRules.metricsNamed();
        assertThat(named).contains("lifecycle_documents_render_seconds_count", "lifecycle_dlt_records", "lifecycle_outbox_oldest_pending_age_seconds",
                "lifecycle_consumer_lag", "resilience4j_circuitbreaker_state", "lifecycle_deliveries_overdue_total");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Set<String> published = new TreeSet<>();
            applications().keySet().forEach(a -> published.addAll(scrape(a).names()));
            List<String> missing = new ArrayList<>(named);
            missing.removeAll(published);
            assertThat(missing).as("named by deploy/observability but published by no service").isEmpty();
        });
    }

    @Test
    void shouldServeOpenApiDocumentsThroughTheGatewayThatRedoclyAccepts() throws Exception {
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + system.gatewayPort
                    + "/openapi/" + service)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            Path document = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(document.getParent());
            Files.writeString(document, response.body(), StandardCharsets.UTF_8);
            var api = JSON.readTree(response.body());
            assertThat(api.at("/info/title").asString()).isEqualTo(service + " API");
            assertThat(api.at("/components/securitySchemes/bearerAuth/type").asString()).isEqualTo("http");

            var lint = ContractLint.redocly(document);
            assertThat(lint.errors()).as(service + ": " + lint.report()).isZero();
            assertThat(lint.warnings()).as(service + ", fixed or justified in contracts/lint/redocly.yaml: "
                    + lint.report()).isZero();
        }
    }

    @Test
    void shouldCarryOneTraceIdFromTheGatewayRequestToCreditServicesRecord(CapturedOutput output) throws Exception {
        TraceContext trace = TraceContext.newRoot();
        String caseId = decide("泉环罚〔2026〕1613号", trace);

        Map<String, String> traceOf = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> r : probe.poll()) {
                String type = TopicProbe.header(r, "ce_type");
                String traceparent = TopicProbe.header(r, "traceparent");
                if (type != null && traceparent != null && (caseId.equals(r.key()) || caseId.equals(
                        TopicProbe.header(r, "ce_subject")) || new String(r.value(), StandardCharsets.UTF_8).contains(caseId))) {
                    traceOf.put(type.replaceAll("^cn\\.gov\\.eco\\.[a-z]+\\.|\\.v\\d+$", ""),
                            TraceContext.parse(traceparent).orElseThrow().traceId());
                }
            }
            assertThat(traceOf).containsKeys("PenaltyDecided", "DualDeliveryPrepared", "DualDeliveryCompleted",
                    "PublicityOpened");
        });
        // the gateway's request span, case-service's, the record's and every consumer's work are one trace
        assertThat(traceOf).as(traceOf.toString()).allSatisfy((type, id) -> assertThat(id).as(type).isEqualTo(trace.traceId()));
        // the e-delivery platform received the documents within it too
        var message = system.eDelivery.message(caseId).orElseThrow();
        assertThat(TraceContext.parse(message.traceparent())).hasValueSatisfying(t ->
                assertThat(t.traceId()).isEqualTo(trace.traceId()));
        // and each service's log lines of that work carry it: case-service's decision, notice-service's documents
        // and its e-delivery attempt, credit-service's publicity record (each type has one writer)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> lines = output.getAll().lines().filter(l -> l.contains(trace.traceId())).toList();
            assertThat(lines).as("log lines with trace id " + trace.traceId())
                    .anySatisfy(l -> assertThat(l).contains("raised cn.gov.eco.enforcement.PenaltyDecided.v1"))
                    .anySatisfy(l -> assertThat(l).contains("raised cn.gov.eco.notice.DualDeliveryPrepared.v1"))
                    .anySatisfy(l -> assertThat(l).contains("raised cn.gov.eco.notice.DeliveryAttempted.v1"))
                    .anySatisfy(l -> assertThat(l).contains("raised cn.gov.eco.credit.PublicityOpened.v1"));
        });
    }
}
