package cn.gov.eco.credit.repair;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.CreditServiceApplication;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.simulator.creditplatform.CreditPlatformSimulator;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TopicProbe;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Online credit repair end to end in credit-service: the facts arrive as events through the real broker (golden
 * samples of PublicityOpened, FinePaid, RectificationVerified), the enterprise applies over real HTTP with real
 * multipart uploads into GridFS, the reviewer works the queue, and the approved result is synced to the
 * credit-platform simulator over HTTP — with the simulator down, then up (RELIABILITY.md R7).
 */
class RepairApplicationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "credit-repair-it-" + RUN;
    private static final String DATABASE = "credit-repair-it-" + RUN;
    private static final String USCC = Persona.USCC_A;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2025-05-20T02:00:00Z"));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    private static ConfigurableApplicationContext app;
    private static TopicProbe probe;
    private static KafkaProducer<String, byte[]> producer;
    private static CreditPlatformSimulator platform;
    private static MongoDatabase mongo;

    /** When {@link #NOW} was last set, on the real clock: the service's clock runs on from the day a test set. */
    private static final AtomicReference<Long> SET_AT = new AtomicReference<>(System.nanoTime());

    /** The service's clock, set by each test to the day it plays (Asia/Shanghai), and ticking from there. */
    static final class MovableClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return NOW.get().plusNanos(System.nanoTime() - SET_AT.get());
        }
    }

    @Configuration
    static class TestClock {
        @Bean
        Clock clock() {
            return new MovableClock();
        }
    }

    static void today(String date) {
        NOW.set(LocalDate.parse(date).atTime(10, 0).atZone(CHINA).toInstant());
        SET_AT.set(System.nanoTime());
    }

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        platform = CreditPlatformSimulator.start(0);
        app = startService();
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.CREDIT_REPAIR.name()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        mongo = MongoClients.create(infra.mongoUri()).getDatabase(DATABASE);
    }

    /** credit-service on this run's database and consumer group; started again by the restart test. */
    static ConfigurableApplicationContext startService() {
        var infra = TestInfrastructure.get();
        return new SpringApplicationBuilder(CreditServiceApplication.class, TestClock.class)
                .properties("spring.config.name=" + CreditServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=" + DATABASE,
                        "--spring.kafka.consumer.group-id=" + GROUP,
                        "--credit.repair.credit-platform.base-url=" + platform.baseUrl(),
                        "--credit.repair.scheduler.sync-interval=200ms", "--credit.repair.scheduler.retry-backoff=300ms",
                        "--credit.repair.scheduler.window-interval=200ms", "--credit.repair.scheduler.lease=5s",
                        "--credit.repair.materials.max-file-bytes=100000",
                        "--credit.repair.materials.max-total-bytes=150000",
                        "--resilience4j.circuitbreaker.instances.credit-platform.wait-duration-in-open-state=1s",
                        "--resilience4j.retry.instances.credit-platform.wait-duration=50ms",
                        "--resilience4j.timelimiter.instances.credit-platform.timeout-duration=2s"));
    }

    @AfterAll
    static void stop() {
        producer.close();
        probe.close();
        app.close();
        platform.close();
    }

    static Http http(Persona p) {
        return Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).as(p);
    }

    // ------------------------------------------------------------------ events in

    static void publish(EventType type, String topic, String key, String subject, ObjectNode payload) throws Exception {
        var event = new OutboxEvent(UUID.randomUUID().toString(), type.ceType(), topic, key, subject, 1, Instant.now(),
                "NDRC-ORDER-36", "CN-SC-2019.2026-v2", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                JSON.writeValueAsString(payload), null);
        assertThat(new EventSchemas().errors(type, event.payloadJson())).isEmpty();
        producer.send(CloudEventRecords.toRecord(event, URI.create("/it"))).get();
        producer.send(CloudEventRecords.toRecord(event, URI.create("/it"))).get(); // redelivered: a no-op
    }

    static ObjectNode golden(EventType type) throws Exception {
        return (ObjectNode) JSON.readTree(new String(RepairApplicationIT.class.getResourceAsStream(
                type.sampleResource()).readAllBytes(), StandardCharsets.UTF_8));
    }

    /** PublicityOpened from the golden sample, with the dates the platform's rule computes for the decision date. */
    static void publicityOpened(String caseId, String uscc, String decisionDate, String documentNumber) throws Exception {
        var plan = app.getBean(PublicityPeriods.class).plan(SeverityTier.GENERAL, LocalDate.parse(decisionDate));
        var mapper = app.getBean(JsonMapper.class);
        ObjectNode n = golden(EventTypes.PUBLICITY_OPENED);
        n.put("uscc", uscc).put("recordId", caseId).put("caseId", caseId).put("decisionDate", decisionDate)
                .put("decisionDocumentNumber", documentNumber).put("ruleSetId", plan.ruleSetId())
                .put("publicityStart", decisionDate).put("status", "PUBLISHED_MIN_RUNNING");
        n.set("minPeriodEnd", JSON.readTree(mapper.writeValueAsString(plan.minPeriodEnd())));
        n.set("maxPeriodEnd", JSON.readTree(mapper.writeValueAsString(plan.maxPeriodEnd())));
        n.set("earliestApplicationDate", JSON.readTree(mapper.writeValueAsString(plan.earliestApplicationDate())));
        n.set("autoStopDate", JSON.readTree(mapper.writeValueAsString(plan.autoStopDate())));
        publish(EventTypes.PUBLICITY_OPENED, Topics.CREDIT_PUBLICITY.name(), uscc, caseId, n);
    }

    static void finePaid(String caseId, String paymentId, String paidDate, String totalPaid, String outstanding,
                         boolean fully, Integer instalment) throws Exception {
        ObjectNode n = golden(EventTypes.FINE_PAID);
        n.put("caseId", caseId).put("uscc", USCC).put("paymentId", paymentId).put("paidDate", paidDate)
                .put("amount", "20000.00").put("fine", "60000.00").put("totalPaid", totalPaid)
                .put("outstanding", outstanding).put("fullyPaid", fully).put("documentNumber", "泉环罚〔2025〕12号");
        if (instalment == null) {
            n.putNull("instalment");
        } else {
            n.put("instalment", instalment);
        }
        publish(EventTypes.FINE_PAID, Topics.ENFORCEMENT_CASE.name(), caseId, caseId, n);
    }

    static void rectificationVerified(String caseId, String date) throws Exception {
        ObjectNode n = golden(EventTypes.RECTIFICATION_VERIFIED);
        n.put("caseId", caseId).put("uscc", USCC).put("verifiedDate", date).put("documentNumber", "泉环罚〔2025〕12号");
        publish(EventTypes.RECTIFICATION_VERIFIED, Topics.ENFORCEMENT_CASE.name(), caseId, caseId, n);
    }

    /** Scenario 18's case: decided 2025-03-10, general tier, fine paid 2025-03-20, rectification 2025-04-01. */
    static String scenario18Case() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publicityOpened(caseId, USCC, "2025-03-10", "泉环罚〔2025〕12号");
        finePaid(caseId, caseId + "-p1", "2025-03-20", "60000.00", "0.00", true, null);
        rectificationVerified(caseId, "2025-04-01");
        await().atMost(Duration.ofSeconds(60)).until(() -> record(caseId) != null
                && record(caseId).at("/fine/fullyPaid").asBoolean()
                && !record(caseId).get("rectificationVerifiedOn").isNull());
        return caseId;
    }

    static JsonNode record(String caseId) {
        var body = JSON.readTree(http(Persona.ENTERPRISE_A).get("/api/enterprises/" + USCC + "/repair-eligibility").body());
        return body.get("records").valueStream().filter(r -> r.get("recordId").asString().equals(caseId)).findFirst()
                .orElse(null);
    }

    // ------------------------------------------------------------------ requests

    record Part(String name, String filename, String contentType, byte[] content) {
    }

    static HttpResponse<String> multipart(Http http, String path, List<Part> parts) {
        String boundary = "----repair" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\nContent-Type: "
                    + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    static Part form(String recordId) {
        var c = JSON.readTree(http(Persona.ENTERPRISE_A).get("/api/enterprises/" + USCC + "/repair-commitment").body());
        String json = """
                {"recordId":"%s","contactName":"陈建国","contactPhone":"13800000000","statement":"已缴清罚款并完成整改。",
                 "commitment":{"versionId":"%s","sha256":"%s","accepted":true}}"""
                .formatted(recordId, c.get("versionId").asString(), c.get("sha256").asString());
        return new Part("application", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> submit(Persona who, String uscc, String recordId, Part... files) {
        var parts = new java.util.ArrayList<Part>();
        parts.add(form(recordId));
        parts.addAll(List.of(files));
        return multipart(http(who), "/api/enterprises/" + uscc + "/repair-applications", parts);
    }

    static HttpResponse<String> decide(Persona who, String applicationId, String action, String reason) {
        return http(who).postJson("/api/repair-applications/" + applicationId + "/decisions",
                reason == null ? "{\"action\":\"" + action + "\"}"
                        : "{\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}");
    }

    static List<ConsumerRecord<String, byte[]>> events(EventType type, String subject) {
        return probe.poll().stream().filter(r -> type.ceType().equals(TopicProbe.header(r, "ce_type"))
                && subject.equals(TopicProbe.header(r, "ce_subject"))).toList();
    }

    static JsonNode payload(ConsumerRecord<String, byte[]> r) {
        return JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
    }

    static void assertContract(EventType type, ConsumerRecord<String, byte[]> r) {
        assertThat(new EventSchemas().errors(type, new String(r.value(), StandardCharsets.UTF_8))).isEmpty();
        assertThat(r.key()).isEqualTo(USCC);
    }

    static long storedFiles(String applicationId) {
        return mongo.getCollection("repair_materials.files").countDocuments(
                applicationId == null ? new org.bson.Document() : Filters.eq("metadata.applicationId", applicationId));
    }

    static long storedApplications() {
        return mongo.getCollection("repair_applications").countDocuments();
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void shouldShowTheUnmetConditionsAndBlockAnApplicationBeforeTheEarliestDateThenReceiveItOnThatDay() throws Exception {
        today("2025-05-20");
        String caseId = scenario18Case();
        JsonNode rec = record(caseId);
        assertThat(rec.get("eligible").asBoolean()).isFalse();
        assertThat(rec.get("unmet").valueStream().map(u -> u.get("code").asString()).toList())
                .containsExactly("MIN_PERIOD_NOT_ELAPSED", "CREDIT_COMMITMENT_REQUIRED");
        assertThat(rec.at("/earliestApplicationDate/date").asString()).isEqualTo("2025-06-11");
        assertThat(rec.at("/earliestApplicationDate/explanationZh").asString()).contains("2025年6月10日");
        assertThat(rec.at("/maxPeriodEnd/date").asString()).isEqualTo("2026-03-10");

        // DOMAIN.md §9 scenario 19: submitted 2025-05-20 → BLOCKED, "earliest date 2025-06-11"; no file kept.
        var blocked = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "整改报告.pdf", "application/pdf", PDF));
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(422);
        assertThat(blocked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(blocked.body());
        assertThat(problem.get("status").asString()).isEqualTo("BLOCKED");
        assertThat(problem.get("detail").asString()).contains("earliest date 2025-06-11");
        assertThat(problem.get("detailZh").asString()).contains("2025-06-11");
        String blockedId = problem.get("applicationId").asString();
        assertThat(storedFiles(blockedId)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_APPLICATION_BLOCKED, blockedId).size() == 1);
        var blockedEvent = events(EventTypes.REPAIR_APPLICATION_BLOCKED, blockedId).getFirst();
        assertContract(EventTypes.REPAIR_APPLICATION_BLOCKED, blockedEvent);
        assertThat(payload(blockedEvent).get("earliestApplicationDate").asString()).isEqualTo("2025-06-11");

        // Scenario 18: on 2025-06-11 (Wed) the same application is received; acceptance due 3 WD later.
        today("2025-06-11");
        var received = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "整改报告.pdf", "application/pdf", PDF));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(received.body());
        String id = view.at("/application/applicationId").asString();
        assertThat(view.at("/application/status").asString()).isEqualTo("RECEIVED");
        assertThat(view.at("/application/acceptanceDueBy/date").asString()).isEqualTo("2025-06-16");
        assertThat(view.at("/application/commitment/sha256").asString()).hasSize(64);
        assertThat(view.at("/application/materials/0/contentType").asString()).isEqualTo("application/pdf");
        assertThat(storedFiles(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_APPLICATION_SUBMITTED, id).size() == 1);
        var submitted = events(EventTypes.REPAIR_APPLICATION_SUBMITTED, id).getFirst();
        assertContract(EventTypes.REPAIR_APPLICATION_SUBMITTED, submitted);
        assertThat(new String(submitted.value(), StandardCharsets.UTF_8)).doesNotContain("13800000000");

        // A second application for the same record while the first is open: 409, nothing stored.
        long before = storedApplications();
        var second = submit(Persona.ENTERPRISE_A, USCC, caseId);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(storedApplications()).isEqualTo(before);
        assertThat(record(caseId).get("unmet").valueStream().map(u -> u.get("code").asString()).toList())
                .contains("APPLICATION_ALREADY_OPEN");
    }

    @Test
    void shouldBlockWhileInstalmentsAreOutstandingAndLetTheEnterpriseApplyTheDayTheLastIsPaid() throws Exception {
        // DOMAIN.md §9 scenario 20.
        today("2025-06-15");
        String caseId = UUID.randomUUID().toString();
        publicityOpened(caseId, USCC, "2025-03-10", "泉环罚〔2025〕12号");
        rectificationVerified(caseId, "2025-04-01");
        finePaid(caseId, caseId + "-i1", "2025-04-15", "20000.00", "40000.00", false, 1);
        finePaid(caseId, caseId + "-i2", "2025-06-15", "40000.00", "20000.00", false, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> record(caseId) != null
                && record(caseId).at("/fine/outstanding").asDouble() == 20000.0
                && !record(caseId).get("rectificationVerifiedOn").isNull());
        var blocked = submit(Persona.ENTERPRISE_A, USCC, caseId);
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(422);
        assertThat(JSON.readTree(blocked.body()).get("reasons").valueStream().map(r -> r.get("code").asString()).toList())
                .containsExactly("FINE_NOT_FULLY_PAID");
        assertThat(JSON.readTree(blocked.body()).get("detail").asString()).contains("not fully paid");
        assertThat(events(EventTypes.REPAIR_WINDOW_OPENED, caseId)).isEmpty();

        today("2025-07-01");
        finePaid(caseId, caseId + "-i3", "2025-07-01", "60000.00", "0.00", true, 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> record(caseId).at("/fine/fullyPaid").asBoolean());
        // The reminder: every recorded condition met → RepairWindowOpened, once, although the event came twice.
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_WINDOW_OPENED, caseId).size() == 1);
        var window = events(EventTypes.REPAIR_WINDOW_OPENED, caseId).getFirst();
        assertContract(EventTypes.REPAIR_WINDOW_OPENED, window);
        assertThat(payload(window).get("openedDate").asString()).isEqualTo("2025-07-01");
        var received = submit(Persona.ENTERPRISE_A, USCC, caseId);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        finePaid(caseId, caseId + "-i3", "2025-07-01", "60000.00", "0.00", true, 3); // redelivered again
        assertThat(events(EventTypes.REPAIR_WINDOW_OPENED, caseId)).hasSize(1);
    }

    @Test
    void shouldOpenTheRepairWindowOnTheEarliestDateWhenEverythingElseWasAlreadyMet() throws Exception {
        today("2025-06-09");
        String caseId = scenario18Case();
        assertThat(record(caseId).get("repairWindowOpenedOn").isNull()).isTrue();
        assertThat(events(EventTypes.REPAIR_WINDOW_OPENED, caseId)).isEmpty();
        today("2025-06-11"); // the scheduler finds the record due at 00:00 on the day and raises the reminder
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_WINDOW_OPENED, caseId).size() == 1);
        assertThat(payload(events(EventTypes.REPAIR_WINDOW_OPENED, caseId).getFirst()).get("earliestApplicationDate")
                .asString()).isEqualTo("2025-06-11");
        assertThat(record(caseId).get("repairWindowOpenedOn").asString()).isEqualTo("2025-06-11");
    }

    @Test
    void shouldRefuseBadUploadsAndOtherEnterprisesAndStoreNothing() throws Exception {
        today("2025-06-20");
        String caseId = scenario18Case();
        long applications = storedApplications();
        long files = storedFiles(null);
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        var renamed = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "整改报告.pdf", "application/pdf", exe));
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(renamed.body()).contains("MATERIAL_TYPE_NOT_ALLOWED").contains("materials[0]");
        var text = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "a.png", "image/png",
                "不是图片".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.statusCode()).isEqualTo(400);
        var empty = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "empty.pdf", "application/pdf", new byte[0]));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("MATERIAL_EMPTY");
        byte[] big = new byte[100_001];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        var oversized = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "big.pdf", "application/pdf", big));
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(oversized.body()).contains("MATERIAL_TOO_LARGE");
        byte[] part = new byte[80_000];
        System.arraycopy(PDF, 0, part, 0, PDF.length);
        var total = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "1.pdf", "application/pdf", part),
                new Part("materials", "2.pdf", "application/pdf", part));
        assertThat(total.statusCode()).isEqualTo(413);
        assertThat(total.body()).contains("MATERIALS_TOO_LARGE");
        var badPhone = multipart(http(Persona.ENTERPRISE_A), "/api/enterprises/" + USCC + "/repair-applications",
                List.of(new Part("application", null, "application/json", ("{\"recordId\":\"" + caseId
                        + "\",\"contactName\":\"陈\",\"contactPhone\":\"12\",\"commitment\":{\"accepted\":true}}")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(badPhone.body()).contains("contactPhone").contains("PHONE_FORMAT");

        // The other enterprise: its USCC in the URL, or this enterprise's URL with the other's record in the form.
        String otherCase = UUID.randomUUID().toString();
        publicityOpened(otherCase, Persona.USCC_B, "2025-03-10", "泉环罚〔2025〕13号");
        var otherUrl = submit(Persona.ENTERPRISE_B, USCC, caseId, new Part("materials", "a.pdf", "application/pdf", PDF));
        assertThat(otherUrl.statusCode()).isEqualTo(403);
        assertThat(otherUrl.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(http(Persona.ENTERPRISE_B).get("/api/enterprises/" + USCC + "/repair-eligibility").statusCode())
                .isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http(Persona.ENTERPRISE_B)
                .get("/api/enterprises/" + Persona.USCC_B + "/repair-eligibility").body()).get("records").size() > 0);
        var otherRecord = submit(Persona.ENTERPRISE_A, USCC, otherCase, new Part("materials", "a.pdf", "application/pdf", PDF));
        assertThat(otherRecord.statusCode()).isEqualTo(403);
        // An officer may not apply on an enterprise's behalf.
        assertThat(submit(Persona.OFFICER_LIN, USCC, caseId).statusCode()).isEqualTo(403);

        assertThat(storedApplications()).isEqualTo(applications);
        assertThat(storedFiles(null)).isEqualTo(files);
    }

    @Test
    void shouldReviewFromTheQueueThroughSupplementToApprovalAndSyncTheResultOnceThenRevokeIt() throws Exception {
        today("2025-06-23");
        String caseId = scenario18Case();
        var submitted = submit(Persona.ENTERPRISE_A, USCC, caseId, new Part("materials", "整改报告.pdf", "application/pdf", PDF));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = JSON.readTree(submitted.body()).at("/application/applicationId").asString();
        String fileId = JSON.readTree(submitted.body()).at("/application/materials/0/fileId").asString();
        var file = http(Persona.CREDIT_REVIEWER).getBytes("/api/repair-applications/" + id + "/materials/" + fileId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(http(Persona.ENTERPRISE_A).getBytes("/api/repair-applications/" + id + "/materials/" + fileId)
                .statusCode()).isEqualTo(403);

        var queue = JSON.readTree(http(Persona.CREDIT_REVIEWER).get("/api/repair-applications").body());
        assertThat(queue.get("items").valueStream().map(i -> i.get("applicationId").asString())).contains(id);
        // An enterprise user can never review; an illegal step is a 409 problem.
        assertThat(decide(Persona.ENTERPRISE_A, id, "APPROVE", null).statusCode()).isEqualTo(403);
        assertThat(http(Persona.ENTERPRISE_A).get("/api/repair-applications").statusCode()).isEqualTo(403);
        var tooEarly = decide(Persona.CREDIT_REVIEWER, id, "APPROVE", null);
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("ILLEGAL_TRANSITION");
        assertThat(decide(Persona.CREDIT_REVIEWER, id, "DENY", "").statusCode()).isEqualTo(400);

        assertThat(decide(Persona.CREDIT_REVIEWER, id, "REQUEST_SUPPLEMENT", "请补充第三方监测报告").statusCode()).isEqualTo(200);
        var supplemented = multipart(http(Persona.ENTERPRISE_A), "/api/enterprises/" + USCC + "/repair-applications/"
                + id + "/supplement", List.of(new Part("statement", null, "text/plain; charset=UTF-8",
                        "已补充监测报告".getBytes(StandardCharsets.UTF_8)),
                new Part("materials", "监测报告.png", "image/png", PNG)));
        assertThat(supplemented.statusCode()).as(supplemented.body()).isEqualTo(200);
        assertThat(storedFiles(id)).isEqualTo(2);
        assertThat(decide(Persona.CREDIT_REVIEWER, id, "ACCEPT", null).statusCode()).isEqualTo(200);
        var extended = JSON.readTree(decide(Persona.CREDIT_REVIEWER, id, "EXTEND", "需现场核查").body());
        assertThat(extended.at("/application/status").asString()).isEqualTo("UNDER_REVIEW_EXTENDED");
        // Accepted Mon 2025-06-23: 7 WD → 07-02; +10 WD → 07-16.
        assertThat(extended.at("/application/decisionDueBy/date").asString()).isEqualTo("2025-07-16");
        assertThat(decide(Persona.ENTERPRISE_A, id, "APPROVE", null).statusCode()).isEqualTo(403);

        today("2025-07-01");
        var approved = JSON.readTree(decide(Persona.CREDIT_REVIEWER, id, "APPROVE", null).body());
        assertThat(approved.at("/application/syncDueBy/date").asString()).isEqualTo("2025-07-04");
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_APPROVED, id).size() == 1);
        assertContract(EventTypes.REPAIR_APPROVED, events(EventTypes.REPAIR_APPROVED, id).getFirst());
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(JSON.readTree(http(Persona.ENTERPRISE_A)
                .get("/api/enterprises/" + USCC + "/repair-applications/" + id).body()).at("/application/status").asString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_RESULT_SYNCED, id).size() == 1);
        var synced = events(EventTypes.REPAIR_RESULT_SYNCED, id).getFirst();
        assertContract(EventTypes.REPAIR_RESULT_SYNCED, synced);
        assertThat(payload(synced).get("overdue").asBoolean()).isFalse();
        assertThat(platform.result(id).get("recordId").asText()).isEqualTo(caseId);
        // The record is repaired: nothing left to apply for.
        await().atMost(Duration.ofSeconds(20)).until(() -> record(caseId).get("unmet").valueStream()
                .anyMatch(u -> u.get("code").asString().equals("NOTHING_TO_REPAIR")));

        // Scenario 25 from the repair side: false materials found → REVOKED, re-application barred [U].
        today("2025-09-15");
        var revoked = JSON.readTree(decide(Persona.CREDIT_REVIEWER, id, "REVOKE", "整改报告系伪造").body());
        assertThat(revoked.at("/application/status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.at("/application/barredUntil").asString()).isEqualTo("2028-09-15");
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_REVOKED, id).size() == 1);
        assertContract(EventTypes.REPAIR_REVOKED, events(EventTypes.REPAIR_REVOKED, id).getFirst());
        await().atMost(Duration.ofSeconds(20)).until(() -> record(caseId).get("unmet").valueStream()
                .anyMatch(u -> u.get("code").asString().equals("REAPPLICATION_BARRED")));
        var again = submit(Persona.ENTERPRISE_A, USCC, caseId);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("REAPPLICATION_BARRED");
        assertThat(decide(Persona.CREDIT_REVIEWER, id, "REVOKE", "再次撤销").statusCode()).isEqualTo(409);
    }

    @Test
    void shouldPutOverdueApplicationsFirstInTheReviewersQueueThenTheOldest() throws Exception {
        String olderCase = scenario18Case();
        String newerCase = scenario18Case();
        today("2025-08-01"); // Fri: received and accepted the same day, decision due 7 WD later (08-12)
        var older = submit(Persona.ENTERPRISE_A, USCC, olderCase);
        String olderId = JSON.readTree(older.body()).at("/application/applicationId").asString();
        assertThat(decide(Persona.CREDIT_REVIEWER, olderId, "ACCEPT", null).statusCode()).isEqualTo(200);
        today("2025-08-04"); // Mon: received, acceptance due 3 WD later (08-07)
        var newer = submit(Persona.ENTERPRISE_A, USCC, newerCase);
        String newerId = JSON.readTree(newer.body()).at("/application/applicationId").asString();
        assertThat(JSON.readTree(newer.body()).at("/application/acceptanceDueBy/date").asString()).isEqualTo("2025-08-07");

        today("2025-08-07");
        List<String> notOverdueYet = queueIds();
        assertThat(notOverdueYet.indexOf(olderId)).isLessThan(notOverdueYet.indexOf(newerId)); // oldest first

        today("2025-08-08"); // the newer one's acceptance is now overdue; the older one's decision is not
        var queue = JSON.readTree(http(Persona.CREDIT_REVIEWER).get("/api/repair-applications").body()).get("items");
        List<String> ids = queueIds();
        assertThat(ids.indexOf(newerId)).isLessThan(ids.indexOf(olderId));
        var newerItem = queue.valueStream().filter(i -> i.get("applicationId").asString().equals(newerId)).findFirst()
                .orElseThrow();
        assertThat(newerItem.get("overdue").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ACCEPTANCE_OVERDUE");
        // Every overdue item comes before every item that is not.
        List<Boolean> overdue = queue.valueStream().map(i -> !i.get("overdue").isEmpty()).toList();
        assertThat(overdue.indexOf(false) == -1 || overdue.lastIndexOf(true) < overdue.indexOf(false)).isTrue();
        var view = JSON.readTree(http(Persona.ENTERPRISE_A).get("/api/enterprises/" + USCC + "/repair-applications/"
                + newerId).body());
        assertThat(view.get("overdue").valueStream().map(JsonNode::asString).toList()).containsExactly("ACCEPTANCE_OVERDUE");
    }

    private static List<String> queueIds() {
        return JSON.readTree(http(Persona.CREDIT_REVIEWER).get("/api/repair-applications").body()).get("items")
                .valueStream().map(i -> i.get("applicationId").asString()).toList();
    }

    @Test
    void shouldLeaveNothingToRepairOnceTheDecisionIsRevoked() throws Exception {
        today("2025-06-30");
        String caseId = scenario18Case();
        ObjectNode n = golden(EventTypes.DECISION_REVOKED);
        n.put("caseId", caseId).put("uscc", USCC).put("documentNumber", "泉环罚〔2025〕12号");
        publish(EventTypes.DECISION_REVOKED, Topics.ENFORCEMENT_CASE.name(), caseId, caseId, n);
        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(record(caseId).get("publicityStatus")
                .asString()));
        assertThat(record(caseId).get("unmet").valueStream().map(u -> u.get("code").asString()).toList())
                .containsExactly("NOTHING_TO_REPAIR", "CREDIT_COMMITMENT_REQUIRED");
        publicityOpened(caseId, USCC, "2025-03-10", "泉环罚〔2025〕12号"); // replayed: does not bring it back
        var blocked = submit(Persona.ENTERPRISE_A, USCC, caseId);
        assertThat(blocked.statusCode()).isEqualTo(422);
        assertThat(blocked.body()).contains("NOTHING_TO_REPAIR");
        assertThat(record(caseId).get("publicityStatus").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void shouldFollowThePublicityFeaturesLaterTransitionsOfTheRecord() throws Exception {
        today("2026-03-12");
        String caseId = scenario18Case();
        ObjectNode n = golden(EventTypes.PUBLICITY_EXPIRED);
        n.put("caseId", caseId).put("recordId", caseId).put("uscc", USCC).put("status", "EXPIRED");
        publish(EventTypes.PUBLICITY_EXPIRED, Topics.CREDIT_PUBLICITY.name(), USCC, caseId, n);
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(record(caseId).get("publicityStatus")
                .asString()));
        assertThat(record(caseId).get("unmet").valueStream().map(u -> u.get("code").asString()).toList())
                .contains("NOTHING_TO_REPAIR");
    }

    @Test
    void shouldKeepTheSyncPendingWhileThePlatformIsDownOpenTheCircuitAndCompleteOnceAfterRecovery() throws Exception {
        today("2025-06-24");
        String caseId = scenario18Case();
        var submitted = submit(Persona.ENTERPRISE_A, USCC, caseId);
        String id = JSON.readTree(submitted.body()).at("/application/applicationId").asString();
        assertThat(decide(Persona.CREDIT_REVIEWER, id, "ACCEPT", null).statusCode()).isEqualTo(200);

        platform.setFailing(true);
        try {
            syncWhileDownThenUp(id);
        } finally {
            platform.setFailing(false);
        }
    }

    private static void syncWhileDownThenUp(String id) {
        long refusedBefore = platform.refused();
        assertThat(decide(Persona.CREDIT_REVIEWER, id, "APPROVE", null).statusCode()).isEqualTo(200);
        CircuitBreaker breaker = app.getBean(CircuitBreakerRegistry.class).circuitBreaker("credit-platform");
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        assertThat(platform.refused()).isGreaterThan(refusedBefore);
        assertThat(platform.result(id)).isNull();
        var pending = JSON.readTree(http(Persona.CREDIT_REVIEWER).get("/api/repair-applications/" + id).body());
        assertThat(pending.at("/application/status").asString()).isEqualTo("APPROVED");
        assertThat(mongo.getCollection("repair_applications").find(Filters.eq("_id", id)).first()
                .getString("syncState")).isEqualTo("PENDING");
        var health = JSON.readTree(http(Persona.CREDIT_REVIEWER).get("/actuator/circuitbreakers").body());
        assertThat(health.at("/circuitBreakers/credit-platform/state").asString()).isIn("OPEN", "HALF_OPEN");

        // The service stops while the result is still pending, the platform recovers, a new instance starts:
        // the pending sync is in MongoDB, not in memory, so it completes — once.
        app.close();
        platform.setFailing(false);
        app = startService();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(JSON.readTree(http(Persona.CREDIT_REVIEWER)
                .get("/api/repair-applications/" + id).body()).at("/application/status").asString()));
        assertThat(platform.result(id)).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.REPAIR_RESULT_SYNCED, id).size() == 1);
        assertThat(payload(events(EventTypes.REPAIR_RESULT_SYNCED, id).getFirst()).get("attempts").asInt())
                .isGreaterThan(1);
        assertThat(mongo.getCollection("repair_applications").find(Filters.eq("_id", id)).first()
                .getString("syncState")).isEqualTo("DONE");
    }
}
