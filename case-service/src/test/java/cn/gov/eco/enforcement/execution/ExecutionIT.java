package cn.gov.eco.enforcement.execution;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.enforcement.CaseServiceApplication;
import cn.gov.eco.enforcement.execution.application.ExecutionService;
import cn.gov.eco.enforcement.execution.infrastructure.ExecutionRepository;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Execution against a real Kafka broker and MongoDB: decided cases are created through the REST API, served by
 * feeding {@code DualDeliveryCompleted} CloudEvents to {@code notice.delivery.v1}, and what case-service publishes on
 * {@code enforcement.case.v1} is read back and checked against the contract's schemas. DOMAIN.md §9 scenarios 7, 8,
 * 10 and 20.
 */
class ExecutionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger NUMBERS = new AtomicInteger(700);
    private static ConfigurableApplicationContext app;
    private static TopicProbe probe;
    private static KafkaProducer<String, byte[]> producer;

    /**
     * Tests run on 2026-11-23 (Asia/Shanghai), whatever the machine's date: the same instant as the module's other
     * test clock, under its own bean name and primary, so either may exist without the other.
     */
    @Configuration
    static class TestClock {
        @Bean
        @Primary
        Clock executionTestClock() {
            return Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        app = new SpringApplicationBuilder(CaseServiceApplication.class, TestClock.class)
                .properties("spring.config.name=" + CaseServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=case-exec-it-" + RUN,
                        "--spring.kafka.consumer.group-id=case-exec-it-" + RUN,
                        "--enforcement.execution.overdue-sweep-enabled=false"));
        assertThat(app.getBean(Clock.class).instant()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.ENFORCEMENT_CASE.name()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        probe.close();
        app.close();
    }

    static Http http(Persona p) {
        return Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).as(p);
    }

    // ------------------------------------------------------------------------------------------- fixtures

    /** A decided case of enterprise A with the given fine, through the real REST API. */
    static String decidedCase(String decisionDate, String fine) throws Exception {
        String json = Files.readString(Path.of("..", "docs", "examples", "decision.json"))
                .replace("泉环罚〔2026〕58号", "泉环罚〔" + decisionDate.substring(0, 4) + "〕" + NUMBERS.incrementAndGet() + "号")
                .replace("\"2026-11-20\"", "\"" + decisionDate + "\"")
                .replace("120000.00", fine);
        if (new java.math.BigDecimal(fine).compareTo(new java.math.BigDecimal("100000")) < 0) {
            // below the 100,000 minimum of 《大气污染防治法》第九十九条: lawful only as 减轻处罚 with its ground (Art. 32)
            json = json.replace("\"severityTier\"", "\"mitigation\":{\"belowMinimum\":true,"
                    + "\"belowMinimumBasis\":\"《中华人民共和国行政处罚法》第三十二条第一项\"},\"severityTier\"");
        }
        var posted = http(Persona.OFFICER_LIN).postJson("/api/cases/decisions", json);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return JSON.readTree(posted.body()).get("caseId").asString();
    }

    /** notice-service's {@code DualDeliveryCompleted} for the case, from the golden sample, served on {@code servedDate}. */
    static OutboxEvent served(String caseId, String servedDate) throws Exception {
        String sample = new String(ExecutionIT.class.getResourceAsStream(
                EventTypes.DUAL_DELIVERY_COMPLETED.sampleResource()).readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode node = (ObjectNode) JSON.readTree(sample);
        node.put("caseId", caseId);
        node.put("deliveryId", caseId);
        ObjectNode act = (ObjectNode) node.get("serviceAct");
        act.put("servedDate", servedDate);
        act.put("servedAt", servedDate + "T02:00:00Z");
        assertThat(new EventSchemas().errors(EventTypes.DUAL_DELIVERY_COMPLETED, JSON.writeValueAsString(node))).isEmpty();
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.DUAL_DELIVERY_COMPLETED.ceType(),
                Topics.NOTICE_DELIVERY.name(), caseId, caseId, 2, Instant.now(), "none", "CN-SC-2019.2026-v2",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", JSON.writeValueAsString(node), null);
    }

    static void publish(OutboxEvent event) throws Exception {
        producer.send(CloudEventRecords.toRecord(event, URI.create("/notice-service"))).get();
    }

    static String servedCase(String decisionDate, String fine, String servedDate) throws Exception {
        String caseId = decidedCase(decisionDate, fine);
        publish(served(caseId, servedDate));
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXECUTING".equals(status(caseId).get("state").asString())
                || "PERFORMED".equals(status(caseId).get("state").asString()));
        return caseId;
    }

    static JsonNode status(String caseId) {
        var r = http(Persona.OFFICER_LIN).get("/api/cases/" + caseId + "/execution");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> pay(Persona who, String caseId, String date, String amount) {
        return http(who).postJson("/api/cases/" + caseId + "/execution/payments",
                "{\"paidDate\":\"" + date + "\",\"amount\":" + amount + ",\"channel\":\"银行柜台\"}");
    }

    static List<ConsumerRecord<String, byte[]>> events(String caseId, EventType type) {
        return probe.poll().stream().filter(r -> caseId.equals(r.key()))
                .filter(r -> type.ceType().equals(TopicProbe.header(r, "ce_type"))).toList();
    }

    /** The payloads of {@code type} for the case, awaited until {@code count} arrived, each valid against its schema. */
    static List<JsonNode> awaitPayloads(String caseId, EventType type, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events(caseId, type).size() >= count);
        List<JsonNode> out = new ArrayList<>();
        for (var r : events(caseId, type)) {
            String payload = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(new EventSchemas().errors(type, payload)).as(payload).isEmpty();
            out.add(JSON.readTree(payload));
        }
        assertThat(out).hasSize(count);
        return out;
    }

    static JsonNode record(String caseId) {
        return JSON.readTree(http(Persona.AUDITOR).get("/api/cases/" + caseId + "/record").body());
    }

    static List<String> actions(String caseId) {
        return record(caseId).get("entries").valueStream().map(e -> e.get("action").asString()).toList();
    }

    static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(r.body());
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("violations").valueStream().map(v -> v.get("field").asString() + ":"
                + v.get("rule").asString()).toList();
    }

    // ------------------------------------------------------------------------------------------- tests

    @Test
    void shouldStartThePaymentClockFromTheServedDateOnceEvenWhenTheEventIsRedelivered() throws Exception {
        String caseId = decidedCase("2026-11-20", "34000.00");
        var event = served(caseId, "2026-11-23");
        publish(event);
        publish(event); // redelivered
        publish(served(caseId, "2026-11-24")); // replayed with another id: the case is served once
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXECUTING".equals(status(caseId).get("state").asString()));
        // all three records consumed: the listener's lag on the topic is gone before we look
        await().atMost(Duration.ofSeconds(30)).until(() -> cn.gov.eco.testsupport.ConsumerLag.of(
                TestInfrastructure.get().kafkaBootstrapServers(), "case-exec-it-" + RUN, Topics.NOTICE_DELIVERY.name()) == 0);

        JsonNode s = status(caseId);
        assertThat(s.get("servedDate").asString()).isEqualTo("2026-11-23");
        // T10: 2026-11-23 + 15 days = 2026-12-08 (Tue)
        assertThat(s.at("/dueDate/date").asString()).isEqualTo("2026-12-08");
        assertThat(s.at("/dueDate/derivation/rule/id").asString()).isEqualTo("T10");
        assertThat(s.at("/dueDate/explanationZh").asString()).contains("2026年12月8日");
        assertThat(s.get("fine").decimalValue()).isEqualByComparingTo("34000.00");
        assertThat(s.get("outstanding").decimalValue()).isEqualByComparingTo("34000.00");
        assertThat(s.get("surchargeToDate").decimalValue()).isZero();
        assertThat(actions(caseId)).containsExactly("DECISION_RECORDED", "EXECUTION_STARTED");
        assertThat(record(caseId).at("/verification/intact").asBoolean()).isTrue();
        assertThat(record(caseId).at("/entries/1/details/eventId").asString()).isEqualTo(event.eventId());
    }

    @Test
    void shouldBePerformedWithoutSurchargeWhenPaidOnTimeAndCloseOnceTheRectificationIsVerified_scenario7()
            throws Exception {
        String caseId = servedCase("2025-03-10", "60000.00", "2025-03-12");
        assertThat(status(caseId).at("/dueDate/date").asString()).isEqualTo("2025-03-27");

        var paid = pay(Persona.OFFICER_LIN, caseId, "2025-03-20", "60000.00");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(paid.body());
        assertThat(s.get("state").asString()).isEqualTo("PERFORMED");
        assertThat(s.get("surchargeToDate").decimalValue()).isZero();
        JsonNode finePaid = awaitPayloads(caseId, EventTypes.FINE_PAID, 1).getFirst();
        assertThat(finePaid.get("amount").asString()).isEqualTo("60000.00");
        assertThat(finePaid.get("surcharge").asString()).isEqualTo("0.00");
        assertThat(finePaid.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(finePaid.get("fullyPaid").asBoolean()).isTrue();
        assertThat(finePaid.get("dueDate").asString()).isEqualTo("2025-03-27");
        assertThat(finePaid.get("uscc").asString()).isEqualTo(Persona.USCC_A);
        assertThat(events(caseId, EventTypes.CASE_CLOSED)).isEmpty(); // the rectification is still to be verified

        var verified = http(Persona.OFFICER_CHEN).postJson("/api/cases/" + caseId + "/execution/rectification",
                "{\"verifiedDate\":\"2025-04-01\",\"summary\":\"废气处理设施已恢复正常运行，复测达标。\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).get("state").asString()).isEqualTo("CLOSED");
        JsonNode rect = awaitPayloads(caseId, EventTypes.RECTIFICATION_VERIFIED, 1).getFirst();
        assertThat(rect.get("verifiedDate").asString()).isEqualTo("2025-04-01");
        assertThat(rect.get("verifiedBy").asString()).isEqualTo("officer-chen");
        JsonNode closed = awaitPayloads(caseId, EventTypes.CASE_CLOSED, 1).getFirst();
        assertThat(closed.get("outcome").asString()).isEqualTo("PERFORMED");
        assertThat(closed.get("closedDate").asString()).isEqualTo("2026-11-23");
        assertThat(actions(caseId)).containsExactly("DECISION_RECORDED", "EXECUTION_STARTED", "PAYMENT_RECORDED",
                "RECTIFICATION_VERIFIED", "CASE_CLOSED");
        assertThat(record(caseId).at("/verification/intact").asBoolean()).isTrue();

        // events are in per-case sequence order
        var seqs = probe.poll().stream().filter(r -> caseId.equals(r.key()))
                .map(r -> Long.parseLong(TopicProbe.header(r, "ce_sequence"))).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();

        // a closed case takes no more payments
        assertThat(problem(pay(Persona.OFFICER_LIN, caseId, "2025-04-02", "1.00"), 409).get("rule").asString())
                .isEqualTo("CASE_CLOSED");
    }

    @Test
    void shouldGiveAProvisionalDueDateInAYearWithoutItsHolidayTable() throws Exception {
        // served 2026-12-20: day 15 is 2027-01-04 (a Monday); no 2027 State Council table is loaded, so the date is
        // computed on the provisional year (statutory holidays, weekends, no 调休) and says so (DOMAIN §0.2)
        String caseId = decidedCase("2026-11-20", "34000.00");
        publish(served(caseId, "2026-12-20"));
        await().atMost(Duration.ofSeconds(30)).until(() -> actions(caseId).contains("EXECUTION_STARTED"));
        JsonNode s = status(caseId);
        assertThat(s.at("/dueDate/date").asString()).isEqualTo("2027-01-04");
        assertThat(s.at("/dueDate/derivation/provisional").asBoolean()).isTrue();
        assertThat(s.at("/dueDate/explanationZh").asString()).endsWith("（按法定节假日推算，国务院2027年放假安排公布后将重新核定）");
        assertThat(problem(pay(Persona.OFFICER_LIN, caseId, "2026-11-20", "100.00"), 400).toString())
                .contains("PAYMENT_BEFORE_SERVICE");
    }

    @Test
    void shouldChargeElevenDaysOfSurchargeWhenTheDueDateRollsOffTheNationalDayHoliday_scenario8() throws Exception {
        String caseId = servedCase("2025-09-10", "10000.00", "2025-09-16");
        JsonNode s = status(caseId);
        assertThat(s.at("/dueDate/date").asString()).isEqualTo("2025-10-09");
        assertThat(s.at("/dueDate/derivation/rawEndDate").asString()).isEqualTo("2025-10-01");
        assertThat(s.at("/dueDate/explanationZh").asString()).contains("国庆");

        // more than fine + 11 days of surcharge is refused, nothing stored
        long version = s.get("version").asLong();
        JsonNode tooMuch = problem(pay(Persona.OFFICER_LIN, caseId, "2025-10-20", "13300.01"), 400);
        assertThat(fields(tooMuch)).containsExactly("amount:AMOUNT_EXCEEDS_OUTSTANDING");
        assertThat(status(caseId).get("version").asLong()).isEqualTo(version);

        var paid = pay(Persona.OFFICER_LIN, caseId, "2025-10-20", "13300.00");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode finePaid = awaitPayloads(caseId, EventTypes.FINE_PAID, 1).getFirst();
        assertThat(finePaid.get("surcharge").asString()).isEqualTo("3300.00");
        assertThat(finePaid.get("totalPaid").asString()).isEqualTo("13300.00");
        assertThat(finePaid.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(finePaid.get("fullyPaid").asBoolean()).isTrue();
        assertThat(JSON.readTree(paid.body()).at("/schedule/0/overdueDays").asLong()).isEqualTo(11);
    }

    @Test
    void shouldKeepTheSurchargeOwedAfterTheFineAloneIsPaidLate_scenario10() throws Exception {
        String caseId = servedCase("2025-03-10", "60000.00", "2025-03-12");
        assertThat(pay(Persona.OFFICER_LIN, caseId, "2025-04-10", "60000.00").statusCode()).isEqualTo(200);
        JsonNode first = awaitPayloads(caseId, EventTypes.FINE_PAID, 1).getFirst();
        assertThat(first.get("surcharge").asString()).isEqualTo("25200.00");
        assertThat(first.get("outstanding").asString()).isEqualTo("25200.00");
        assertThat(first.get("fullyPaid").asBoolean()).isFalse();
        assertThat(status(caseId).get("state").asString()).isEqualTo("OVERDUE");
        // the surcharge stopped accruing when the fine was paid: still 25,200 today
        assertThat(status(caseId).get("surchargeToDate").decimalValue()).isEqualByComparingTo("25200.00");

        assertThat(pay(Persona.OFFICER_LIN, caseId, "2025-04-15", "25200.00").statusCode()).isEqualTo(200);
        JsonNode second = awaitPayloads(caseId, EventTypes.FINE_PAID, 2).get(1);
        assertThat(second.get("totalPaid").asString()).isEqualTo("85200.00");
        assertThat(second.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(second.get("fullyPaid").asBoolean()).isTrue();
        assertThat(status(caseId).get("state").asString()).isEqualTo("PERFORMED");
    }

    @Test
    void shouldTellCreditServiceTheFineIsFullyPaidOnlyAfterTheLastApprovedInstalment_scenario20() throws Exception {
        String caseId = servedCase("2025-03-10", "60000.00", "2025-03-12");
        String plan = "{\"approvedDate\":\"2025-03-20\",\"reason\":\"企业经营困难，申请分期缴纳\",\"instalments\":["
                + "{\"amount\":20000.00,\"dueDate\":\"2025-04-30\"},{\"amount\":20000.00,\"dueDate\":\"2025-06-15\"},"
                + "{\"amount\":%s,\"dueDate\":\"2025-07-01\"}]}";
        String path = "/api/cases/" + caseId + "/execution/instalments";
        // only the agency head approves (行政处罚法 第六十六条)
        assertThat(http(Persona.OFFICER_LIN).postJson(path, plan.formatted("20000.00")).statusCode()).isEqualTo(403);
        // instalments that do not add up to the fine are refused, nothing stored
        long version = status(caseId).get("version").asLong();
        JsonNode bad = problem(http(Persona.AGENCY_HEAD).postJson(path, plan.formatted("19999.99")), 400);
        assertThat(fields(bad)).containsExactly("instalments:INSTALMENTS_NOT_SUMMING_TO_FINE");
        assertThat(status(caseId).get("version").asLong()).isEqualTo(version);

        var approved = http(Persona.AGENCY_HEAD).postJson(path, plan.formatted("20000.00"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(approved.body());
        assertThat(s.get("schedule")).hasSize(3);
        assertThat(s.at("/schedule/2/dueDate/date").asString()).isEqualTo("2025-07-01");
        assertThat(s.at("/schedule/2/dueDate/explanationZh").asString()).contains("分期");

        assertThat(pay(Persona.OFFICER_LIN, caseId, "2025-04-28", "20000.00").statusCode()).isEqualTo(200);
        assertThat(pay(Persona.OFFICER_LIN, caseId, "2025-06-15", "20000.00").statusCode()).isEqualTo(200);
        var two = awaitPayloads(caseId, EventTypes.FINE_PAID, 2);
        assertThat(two.get(1).get("instalment").asInt()).isEqualTo(2);
        assertThat(two.get(1).get("dueDate").asString()).isEqualTo("2025-06-15");
        assertThat(two.get(1).get("outstanding").asString()).isEqualTo("20000.00");
        assertThat(two.get(1).get("fullyPaid").asBoolean()).isFalse();

        assertThat(pay(Persona.OFFICER_LIN, caseId, "2025-07-01", "20000.00").statusCode()).isEqualTo(200);
        JsonNode last = awaitPayloads(caseId, EventTypes.FINE_PAID, 3).get(2);
        assertThat(last.get("instalment").asInt()).isEqualTo(3);
        assertThat(last.get("surcharge").asString()).isEqualTo("0.00");
        assertThat(last.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(last.get("fullyPaid").asBoolean()).isTrue();
        assertThat(actions(caseId)).contains("INSTALMENT_PLAN_APPROVED");
    }

    @Test
    void shouldMoveTheDueDateWhenTheAgencyHeadApprovesADeferral() throws Exception {
        String caseId = servedCase("2026-11-10", "34000.00", "2026-11-12");
        assertThat(status(caseId).at("/dueDate/date").asString()).isEqualTo("2026-11-27");
        var deferred = http(Persona.AGENCY_HEAD).postJson("/api/cases/" + caseId + "/execution/deferral",
                "{\"approvedDate\":\"2026-11-20\",\"deferredUntil\":\"2026-12-31\",\"reason\":\"受灾停产，暂缓缴纳\"}");
        assertThat(deferred.statusCode()).as(deferred.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(deferred.body());
        assertThat(s.at("/dueDate/date").asString()).isEqualTo("2026-12-31");
        assertThat(s.at("/dueDate/derivation/rule/id").asString()).isEqualTo("T10-DEFERRAL");
        assertThat(s.at("/dueDate/explanationZh").asString()).contains("暂缓");
        // a "deferral" to an earlier date is no deferral
        JsonNode bad = problem(http(Persona.AGENCY_HEAD).postJson("/api/cases/" + caseId + "/execution/deferral",
                "{\"approvedDate\":\"2026-11-21\",\"deferredUntil\":\"2026-12-01\",\"reason\":\"x\"}"), 400);
        assertThat(fields(bad)).contains("deferredUntil:DEFERRAL_NOT_LATER");
    }

    @Test
    void shouldRefuseBadPaymentsWithProblemJsonNamingTheFieldAndChangeNothing() throws Exception {
        String caseId = servedCase("2025-03-10", "10000.00", "2025-03-12");
        long version = status(caseId).get("version").asLong();
        int entries = actions(caseId).size();

        assertThat(fields(problem(pay(Persona.OFFICER_LIN, caseId, "2025-03-11", "100.00"), 400)))
                .containsExactly("paidDate:PAYMENT_BEFORE_SERVICE");
        assertThat(fields(problem(pay(Persona.OFFICER_LIN, caseId, "2025-03-20", "0"), 400)))
                .containsExactly("amount:AMOUNT_NOT_POSITIVE");
        assertThat(fields(problem(pay(Persona.OFFICER_LIN, caseId, "2025-03-20", "-5"), 400)))
                .containsExactly("amount:AMOUNT_NOT_POSITIVE");
        assertThat(fields(problem(pay(Persona.OFFICER_LIN, caseId, "2025-03-20", "1.001"), 400)))
                .containsExactly("amount:AMOUNT_NOT_FEN_EXACT");
        assertThat(fields(problem(pay(Persona.OFFICER_LIN, caseId, "2027-01-05", "1.00"), 400)))
                .containsExactly("paidDate:DATE_IN_FUTURE");
        JsonNode missing = problem(http(Persona.OFFICER_LIN).postJson("/api/cases/" + caseId + "/execution/payments",
                "{}"), 400);
        assertThat(fields(missing)).contains("paidDate:REQUIRED", "amount:REQUIRED");
        assertThat(missing.get("titleZh").asString()).isNotBlank();
        assertThat(http(Persona.OFFICER_LIN).postJson("/api/cases/" + caseId + "/execution/payments",
                "{\"paidDate\": ").statusCode()).isEqualTo(400);
        assertThat(http(Persona.OFFICER_LIN).postJson("/api/cases/" + caseId + "/execution/payments",
                "{\"paidDate\": \"yesterday\", \"amount\": 1}").statusCode()).isEqualTo(400);
        // an auditor reads but never records
        assertThat(pay(Persona.AUDITOR, caseId, "2025-03-20", "100.00").statusCode()).isEqualTo(403);
        assertThat(status(caseId).get("version").asLong()).isEqualTo(version);
        assertThat(actions(caseId)).hasSize(entries);

        // a decided case that has not been served has no payment clock yet
        String unserved = decidedCase("2026-11-20", "34000.00");
        assertThat(problem(pay(Persona.OFFICER_LIN, unserved, "2026-11-22", "100.00"), 409).get("rule").asString())
                .isEqualTo("NOT_SERVED");
        assertThat(problem(pay(Persona.OFFICER_LIN, UUID.randomUUID().toString(), "2026-11-22", "100.00"), 404)
                .get("titleZh").asString()).isNotBlank();
    }

    @Test
    void shouldTreatACaseWrittenWithoutAVersionAsVersionZero() throws Exception {
        String caseId = servedCase("2026-11-10", "34000.00", "2026-11-12");
        var cases = app.getBean(com.mongodb.client.MongoDatabase.class).getCollection("cases");
        cases.updateOne(com.mongodb.client.model.Filters.eq("_id", caseId),
                com.mongodb.client.model.Updates.unset(ExecutionRepository.VERSION));
        assertThat(status(caseId).get("version").asLong()).isZero();
        assertThat(pay(Persona.OFFICER_LIN, caseId, "2026-11-20", "100.00").statusCode()).isEqualTo(200);
        assertThat(status(caseId).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void shouldCountAPaymentReportedTwiceByTheChannelOnce() throws Exception {
        String caseId = servedCase("2026-11-10", "34000.00", "2026-11-12");
        String body = "{\"paymentId\":\"BANK-20261120-0001\",\"paidDate\":\"2026-11-20\",\"amount\":10000.00}";
        String path = "/api/cases/" + caseId + "/execution/payments";
        assertThat(http(Persona.OFFICER_LIN).postJson(path, body).statusCode()).isEqualTo(200);
        assertThat(http(Persona.OFFICER_LIN).postJson(path, body).statusCode()).isEqualTo(200);
        JsonNode s = status(caseId);
        assertThat(s.get("payments")).hasSize(1);
        assertThat(s.get("totalPaid").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(problem(http(Persona.OFFICER_LIN).postJson(path, body.replace("10000.00", "9000.00")), 409)
                .get("rule").asString()).isEqualTo("PAYMENT_ID_TAKEN");
        assertThat(awaitPayloads(caseId, EventTypes.FINE_PAID, 1).getFirst().get("paymentId").asString())
                .isEqualTo("BANK-20261120-0001");
    }

    @Test
    void shouldLoseNothingWhenTwoOfficersRecordPaymentsAtOnce() throws Exception {
        String caseId = servedCase("2026-11-10", "34000.00", "2026-11-12");
        List<HttpResponse<String>> responses = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            var barrier = new CyclicBarrier(2);
            var lin = CompletableFuture.supplyAsync(() -> {
                arrive(barrier);
                return pay(Persona.OFFICER_LIN, caseId, "2026-11-20", "100.00");
            }, pool);
            var chen = CompletableFuture.supplyAsync(() -> {
                arrive(barrier);
                return pay(Persona.OFFICER_CHEN, caseId, "2026-11-20", "100.00");
            }, pool);
            responses.add(lin.get());
            responses.add(chen.get());
        }
        pool.shutdown();
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        long conflicts = responses.stream().filter(r -> r.statusCode() == 409).count();
        assertThat(ok + conflicts).isEqualTo(responses.size());
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.body()).contains("CONCURRENT_CHANGE"));
        JsonNode s = status(caseId);
        assertThat(s.get("payments")).hasSize((int) ok);
        assertThat(s.get("totalPaid").decimalValue()).isEqualByComparingTo(String.valueOf(100 * ok));
        assertThat(awaitPayloads(caseId, EventTypes.FINE_PAID, (int) ok)).extracting(n -> n.get("paymentId").asString())
                .doesNotHaveDuplicates();
        assertThat(record(caseId).at("/verification/intact").asBoolean()).isTrue();
        assertThat(actions(caseId).stream().filter("PAYMENT_RECORDED"::equals).count()).isEqualTo(ok);

        // deterministically: a write over a stale read is refused and writes nothing
        var repository = app.getBean(ExecutionRepository.class);
        var stale = repository.load(caseId).orElseThrow();
        assertThat(pay(Persona.OFFICER_LIN, caseId, "2026-11-21", "100.00").statusCode()).isEqualTo(200);
        var change = new cn.gov.eco.enforcement.execution.application.ExecutionChange(stale.execution(),
                cn.gov.eco.enforcement.execution.model.ExecutionState.EXECUTING, List.of(), List.of());
        assertThatThrownBy(() -> repository.apply(stale, change, null, Instant.now(), false))
                .isInstanceOf(ExecutionRepository.ConcurrentChangeException.class);
        assertThat(status(caseId).get("payments")).hasSize((int) ok + 1);
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRevokeTheDecisionTellCreditServiceTheWithdrawalDateAndRefuseFurtherPayments() throws Exception {
        String caseId = servedCase("2026-09-01", "34000.00", "2026-09-03");
        String path = "/api/cases/" + caseId + "/execution/remedy-outcome";
        String body = "{\"kind\":\"REVOKED\",\"source\":\"RECONSIDERATION\",\"outcome\":\"REVOKED\","
                + "\"effectiveDate\":\"2026-09-18\",\"reason\":\"行政复议决定撤销原行政处罚决定（认定事实不清）。\"}";
        assertThat(http(Persona.OFFICER_LIN).postJson(path, body).statusCode()).isEqualTo(403);
        JsonNode invalid = problem(http(Persona.LEGAL_REVIEWER).postJson(path,
                body.replace("RECONSIDERATION", "APPEAL").replace("2026-09-18", "2099-01-01")), 400);
        assertThat(fields(invalid)).contains("source:UNKNOWN_VALUE", "effectiveDate:DATE_IN_FUTURE");

        var revoked = http(Persona.LEGAL_REVIEWER).postJson(path, body);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(JSON.readTree(revoked.body()).get("state").asString()).isEqualTo("REVOKED");
        JsonNode event = awaitPayloads(caseId, EventTypes.DECISION_REVOKED, 1).getFirst();
        // T14: 3 working days from Fri 2026-09-18 → Tue 2026-09-22 (Sun 09-20 is an adjusted working day)
        assertThat(event.at("/withdrawBy/date").asString()).isEqualTo("2026-09-22");
        assertThat(event.at("/withdrawBy/derivation/rule/id").asString()).isEqualTo("T14");
        assertThat(event.at("/withdrawBy/derivation/startDate").asString()).isEqualTo("2026-09-18");
        assertThat(event.at("/withdrawBy/derivation/count").asInt()).isEqualTo(3);
        assertThat(event.get("source").asString()).isEqualTo("RECONSIDERATION");

        assertThat(problem(pay(Persona.OFFICER_LIN, caseId, "2026-09-20", "100.00"), 409).get("rule").asString())
                .isEqualTo("DECISION_REVOKED");
        assertThat(problem(http(Persona.AGENCY_HEAD).postJson(path, body), 409).get("rule").asString())
                .isEqualTo("DECISION_REVOKED");
        assertThat(actions(caseId)).endsWith("DECISION_REVOKED");
    }

    @Test
    void shouldAmendTheFineAndCountWhatIsOwedAgainstTheAmendedAmount() throws Exception {
        String caseId = servedCase("2026-09-01", "34000.00", "2026-09-03");
        assertThat(pay(Persona.OFFICER_LIN, caseId, "2026-09-10", "20000.00").statusCode()).isEqualTo(200);
        var amended = http(Persona.AGENCY_HEAD).postJson("/api/cases/" + caseId + "/execution/remedy-outcome",
                "{\"kind\":\"AMENDED\",\"source\":\"LITIGATION\",\"effectiveDate\":\"2026-10-09\","
                        + "\"reason\":\"人民法院判决变更罚款数额。\",\"amended\":{\"severityTier\":\"GENERAL\","
                        + "\"penaltyTypes\":[\"FINE\"],\"totalFine\":20000.00}}");
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(amended.body());
        assertThat(s.get("fine").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(s.get("fullyPaid").asBoolean()).isTrue();
        assertThat(s.get("state").asString()).isEqualTo("PERFORMED");
        JsonNode event = awaitPayloads(caseId, EventTypes.DECISION_AMENDED, 1).getFirst();
        assertThat(event.at("/amended/totalFine").asString()).isEqualTo("20000.00");
        // T14 from Fri 2026-10-09: Sat 10-10 is an adjusted working day → 10-10, 10-12, 10-13
        assertThat(event.at("/withdrawBy/date").asString()).isEqualTo("2026-10-13");
        assertThat(actions(caseId)).endsWith("DECISION_AMENDED");
    }

    @Test
    void shouldLetTheEnterpriseSeeItsOwnPaymentStatusOnly() throws Exception {
        String caseId = servedCase("2026-11-10", "34000.00", "2026-11-12");
        var own = http(Persona.ENTERPRISE_A).get("/api/cases/" + caseId + "/execution");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(own.body());
        assertThat(s.get("fine").decimalValue()).isEqualByComparingTo("34000.00");
        assertThat(s.at("/dueDate/date").asString()).isEqualTo("2026-11-27");
        assertThat(s.get("outstanding").decimalValue()).isEqualByComparingTo("34000.00");
        assertThat(s.at("/surchargeRule/dailyRate").decimalValue()).isEqualByComparingTo("0.03");
        var other = http(Persona.ENTERPRISE_B).get("/api/cases/" + caseId + "/execution");
        assertThat(problem(other, 403).get("detail").asString()).isNotBlank();
        assertThat(pay(Persona.ENTERPRISE_A, caseId, "2026-11-20", "100.00").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldGoOverdueThenRemindThenAskTheCourtAndCloseWhenEnforcementIsDone() throws Exception {
        String caseId = servedCase("2025-03-10", "10000.00", "2025-03-12");
        assertThat(problem(http(Persona.OFFICER_LIN).postJson("/api/cases/" + caseId + "/execution/court-enforcement",
                "{\"requestedDate\":\"2025-10-10\",\"court\":\"泉州市丰泽区人民法院\"}"), 409).get("rule").asString())
                .isEqualTo("REMINDER_NOT_SERVED");

        assertThat(app.getBean(ExecutionService.class).markOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(status(caseId).get("state").asString()).isEqualTo("OVERDUE");
        // after 34 days the surcharge reached the fine and stays there
        assertThat(status(caseId).get("surchargeToDate").decimalValue()).isEqualByComparingTo("10000.00");

        String reminderPath = "/api/cases/" + caseId + "/execution/reminder";
        assertThat(fields(problem(http(Persona.OFFICER_LIN).postJson(reminderPath,
                "{\"servedDate\":\"2025-03-27\"}"), 400))).containsExactly("servedDate:REMINDER_BEFORE_DUE_DATE");
        var reminded = http(Persona.OFFICER_LIN).postJson(reminderPath,
                "{\"servedDate\":\"2025-09-25\",\"documentNumber\":\"泉环催〔2025〕3号\"}");
        assertThat(reminded.statusCode()).as(reminded.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(reminded.body());
        assertThat(s.get("state").asString()).isEqualTo("REMINDER_SERVED");
        assertThat(s.at("/reminder/reminderPeriodEnd/date").asString()).isEqualTo("2025-10-15");
        assertThat(s.at("/reminder/courtApplicationDeadline/date").asString()).isEqualTo("2025-12-12");

        String courtPath = "/api/cases/" + caseId + "/execution/court-enforcement";
        assertThat(fields(problem(http(Persona.OFFICER_LIN).postJson(courtPath,
                "{\"requestedDate\":\"2025-10-15\",\"court\":\"泉州市丰泽区人民法院\"}"), 400)))
                .containsExactly("requestedDate:REMINDER_PERIOD_NOT_OVER");
        assertThat(fields(problem(http(Persona.OFFICER_LIN).postJson(courtPath,
                "{\"requestedDate\":\"2025-12-15\",\"court\":\"泉州市丰泽区人民法院\"}"), 400)))
                .containsExactly("requestedDate:COURT_APPLICATION_TIME_LIMIT_PASSED");
        var requested = http(Persona.OFFICER_LIN).postJson(courtPath,
                "{\"requestedDate\":\"2025-10-16\",\"court\":\"泉州市丰泽区人民法院\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        assertThat(JSON.readTree(requested.body()).get("state").asString()).isEqualTo("COURT_ENFORCEMENT_REQUESTED");

        var done = http(Persona.AGENCY_HEAD).postJson(courtPath + "/completion", "{\"completedDate\":\"2026-01-20\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(JSON.readTree(done.body()).get("state").asString()).isEqualTo("CLOSED");
        assertThat(awaitPayloads(caseId, EventTypes.CASE_CLOSED, 1).getFirst().get("outcome").asString())
                .isEqualTo("COURT_ENFORCEMENT");
        assertThat(actions(caseId)).containsExactly("DECISION_RECORDED", "EXECUTION_STARTED", "PAYMENT_OVERDUE",
                "REMINDER_SERVED", "COURT_ENFORCEMENT_REQUESTED", "CASE_CLOSED");
        assertThat(record(caseId).at("/verification/intact").asBoolean()).isTrue();
    }

    /**
     * The golden samples in contracts are payloads this code produced (captured with
     * {@code -Dexecution.captureSamples=<dir>}): each has exactly the fields the code writes, and validates.
     */
    @Test
    void shouldProduceEventsWithTheFieldsOfTheGoldenSamples() throws Exception {
        String caseId = servedCase("2026-09-01", "34000.00", "2026-09-03");
        assertThat(pay(Persona.OFFICER_LIN, caseId, "2026-09-10", "34000.00").statusCode()).isEqualTo(200);
        assertThat(http(Persona.OFFICER_LIN).postJson("/api/cases/" + caseId + "/execution/rectification",
                "{\"verifiedDate\":\"2026-09-15\",\"summary\":\"废气处理设施已恢复正常运行，复测颗粒物排放浓度达标。\"}")
                .statusCode()).isEqualTo(200);
        assertThat(http(Persona.AGENCY_HEAD).postJson("/api/cases/" + caseId + "/execution/remedy-outcome",
                "{\"kind\":\"AMENDED\",\"source\":\"LITIGATION\",\"effectiveDate\":\"2026-10-09\","
                        + "\"reason\":\"人民法院判决变更罚款数额。\",\"amended\":{\"severityTier\":\"GENERAL\","
                        + "\"penaltyTypes\":[\"FINE\"],\"totalFine\":20000.00}}").statusCode()).isEqualTo(200);
        assertThat(http(Persona.LEGAL_REVIEWER).postJson("/api/cases/" + caseId + "/execution/remedy-outcome",
                "{\"kind\":\"REVOKED\",\"source\":\"RECONSIDERATION\",\"outcome\":\"REVOKED\",\"effectiveDate\":"
                        + "\"2026-11-20\",\"reason\":\"行政复议决定撤销原行政处罚决定（认定事实不清）。\"}").statusCode())
                .isEqualTo(200);
        compareWithGoldenSamples(Map.of(EventTypes.FINE_PAID, caseId, EventTypes.RECTIFICATION_VERIFIED, caseId,
                EventTypes.CASE_CLOSED, caseId, EventTypes.DECISION_AMENDED, caseId, EventTypes.DECISION_REVOKED, caseId));
    }

    /** The same for the events added for dashboards: overdue, deferral, instalments, reminder, court application. */
    @Test
    void shouldProduceTheDashboardEventsWithTheFieldsOfTheGoldenSamples() throws Exception {
        String overdue = servedCase("2025-03-10", "10000.00", "2025-03-12");
        app.getBean(ExecutionService.class).markOverdue();
        assertThat(http(Persona.OFFICER_LIN).postJson("/api/cases/" + overdue + "/execution/reminder",
                "{\"servedDate\":\"2025-09-25\",\"documentNumber\":\"泉环催〔2025〕3号\"}").statusCode()).isEqualTo(200);
        assertThat(http(Persona.OFFICER_LIN).postJson("/api/cases/" + overdue + "/execution/court-enforcement",
                "{\"requestedDate\":\"2025-10-16\",\"court\":\"泉州市丰泽区人民法院\"}").statusCode()).isEqualTo(200);
        String deferred = servedCase("2026-11-10", "34000.00", "2026-11-12");
        assertThat(http(Persona.AGENCY_HEAD).postJson("/api/cases/" + deferred + "/execution/deferral",
                "{\"approvedDate\":\"2026-11-20\",\"deferredUntil\":\"2026-12-31\",\"reason\":\"受灾停产\"}")
                .statusCode()).isEqualTo(200);
        String instalments = servedCase("2026-11-10", "34000.00", "2026-11-12");
        assertThat(http(Persona.AGENCY_HEAD).postJson("/api/cases/" + instalments + "/execution/instalments",
                "{\"approvedDate\":\"2026-11-20\",\"reason\":\"经营困难\",\"instalments\":[{\"amount\":17000.00,"
                        + "\"dueDate\":\"2026-11-30\"},{\"amount\":17000.00,\"dueDate\":\"2026-12-30\"}]}")
                .statusCode()).isEqualTo(200);
        compareWithGoldenSamples(Map.of(EventTypes.PAYMENT_OVERDUE, overdue, EventTypes.REMINDER_SERVED, overdue,
                EventTypes.COURT_ENFORCEMENT_REQUESTED, overdue, EventTypes.PAYMENT_DEFERRED, deferred,
                EventTypes.INSTALMENT_PLAN_APPROVED, instalments));
    }

    static void compareWithGoldenSamples(Map<EventType, String> caseOf) throws Exception {
        String capture = System.getProperty("execution.captureSamples");
        var softly = new org.assertj.core.api.SoftAssertions();
        for (var entry : caseOf.entrySet()) {
            EventType type = entry.getKey();
            JsonNode produced = awaitPayloads(entry.getValue(), type, 1).getFirst();
            if (capture != null) {
                Files.createDirectories(Path.of(capture));
                Files.writeString(Path.of(capture, type.name() + ".v" + type.version() + ".json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(produced) + "\n");
            }
            try (var in = ExecutionIT.class.getResourceAsStream(type.sampleResource())) {
                softly.assertThat(in).as(type.sampleResource()).isNotNull();
                if (in != null) {
                    softly.assertThat(paths(JSON.readTree(in), "")).as(type.name()).isEqualTo(paths(produced, ""));
                }
            }
        }
        softly.assertAll();
    }

    /** The field paths of a JSON document (array elements by position), to compare shapes, not values. */
    static Set<String> paths(JsonNode node, String prefix) {
        Set<String> out = new TreeSet<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                out.add(prefix + "/" + name);
                out.addAll(paths(node.get(name), prefix + "/" + name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(paths(node.get(i), prefix + "/" + i));
            }
        }
        return out;
    }
}
