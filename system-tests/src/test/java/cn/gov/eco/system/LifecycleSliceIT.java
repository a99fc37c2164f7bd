package cn.gov.eco.system;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.CreditServiceApplication;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.testsupport.ConsumerLag;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin slice end to end: the three services against one broker and one store. An officer records a decision;
 * notice-service renders and serves both documents in one act; credit-service opens the publicity record.
 */
class LifecycleSliceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = RunningSystem.RUN;
    private static ConfigurableApplicationContext caseService;
    private static ConfigurableApplicationContext noticeService;
    private static ConfigurableApplicationContext creditService;
    private static TopicProbe probe;

    @BeforeAll
    static void startTheSystem() {
        var system = RunningSystem.get();
        caseService = system.caseService;
        noticeService = system.noticeService;
        creditService = system.creditService;
        probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(),
                Topics.ALL.stream().map(cn.gov.eco.contracts.Topic::name).toList());
    }

    @AfterAll
    static void closeTheProbe() {
        probe.close();
    }

    static Http http(ConfigurableApplicationContext ctx) {
        return RunningSystem.http(ctx).as(Persona.OFFICER_LIN);
    }

    static String example(String documentNumber) {
        return RunningSystem.example(documentNumber);
    }

    static List<ConsumerRecord<String, byte[]>> records(String topic, String key, EventType type) {
        return probe.poll().stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())
                && type.ceType().equals(TopicProbe.header(r, "ce_type"))).toList();
    }

    static String caseIdOf(String responseBody) {
        return JSON.readTree(responseBody).get("caseId").asString();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    /** The delivery exists and both documents are served in one act (electronically, on the enterprise's consent). */
    static boolean served(cn.gov.eco.testsupport.Http http, String caseId) {
        var r = http.get("/api/deliveries/" + caseId);
        return r.statusCode() == 200 && JSON.readTree(r.body()).get("served").asBoolean();
    }

    @Test
    void shouldCarryADecisionThroughDualDeliveryToAnOpenPublicityRecord() throws Exception {
        var posted = http(caseService).postJson("/api/cases/decisions", example("泉环罚〔2026〕201号"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String caseId = caseIdOf(posted.body());

        // notice-service: both documents, one act of service
        await().atMost(Duration.ofSeconds(60)).until(() -> served(http(noticeService), caseId));
        JsonNode delivery = JSON.readTree(http(noticeService).get("/api/deliveries/" + caseId).body());
        assertThat(delivery.get("conforming").asBoolean()).isTrue();
        assertThat(delivery.at("/delivery/serviceAct/method").asString()).isEqualTo("ELECTRONIC");
        assertThat(delivery.get("documents").size()).isEqualTo(2);
        String decisionText = null;
        String noticeText = null;
        for (JsonNode link : delivery.get("documents")) {
            var pdf = http(noticeService).getBytes(link.get("href").asString());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String text = pdfText(pdf.body());
            if (link.get("kind").asString().equals("PENALTY_DECISION")) {
                decisionText = text;
            } else {
                noticeText = text;
            }
        }
        assertThat(decisionText).contains("泉环罚〔2026〕201号", "泉州市清源化工有限公司", "91350500MA2Y0001XX",
                "行政处罚决定书");
        // General tier under Order 36, decided 2026-11-20: minimum period ends 2027-02-20, repair from 2027-02-21.
        assertThat(noticeText).contains("泉环信修〔2026〕201号", "泉环罚〔2026〕201号", "泉州市清源化工有限公司",
                "2027年2月21日", "2027年2月20日", "2027年11月20日");

        // credit-service: the publicity record with its dates
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http(creditService)
                .get("/api/enterprises/91350500MA2Y0001XX/publicity-records").body()).get("records").valueStream()
                .anyMatch(r -> r.get("caseId").asString().equals(caseId)));
        JsonNode record = JSON.readTree(http(creditService).get("/api/enterprises/91350500MA2Y0001XX/publicity-records")
                .body()).get("records").valueStream().filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst().orElseThrow();
        assertThat(record.get("status").asString()).isEqualTo("PUBLISHED_MIN_RUNNING");
        assertThat(record.at("/plan/ruleSetId").asString()).isEqualTo("NDRC-ORDER-36");
        assertThat(record.at("/plan/publicityStart").asString()).isEqualTo("2026-11-20");
        assertThat(record.at("/plan/minPeriodEnd/date").asString()).isEqualTo("2027-02-20");
        assertThat(record.at("/plan/earliestApplicationDate/date").asString()).isEqualTo("2027-02-21");
        assertThat(record.at("/plan/maxPeriodEnd/date").asString()).isEqualTo("2027-11-20");
        assertThat(record.at("/plan/autoStopDate/date").asString()).isEqualTo("2027-11-21");
        assertThat(record.at("/plan/earliestApplicationDate/explanationZh").asString()).contains("2027年2月21日");

        // the topics carry exactly the expected records, each valid against its schema
        await().atMost(Duration.ofSeconds(30)).until(() ->
                records(Topics.CREDIT_PUBLICITY.name(), "91350500MA2Y0001XX", EventTypes.PUBLICITY_OPENED).stream()
                        .anyMatch(r -> caseId.equals(JSON.readTree(r.value()).get("caseId").asString())));
        assertThat(records(Topics.ENFORCEMENT_CASE.name(), caseId, EventTypes.PENALTY_DECIDED)).hasSize(1);
        assertThat(records(Topics.NOTICE_DELIVERY.name(), caseId, EventTypes.DUAL_DELIVERY_PREPARED)).hasSize(1);
        assertThat(records(Topics.NOTICE_DELIVERY.name(), caseId, EventTypes.DUAL_DELIVERY_COMPLETED)).hasSize(1);
        var schemas = new EventSchemas();
        String samples = System.getProperty("contracts.samples.dir"); // regenerates the golden samples when set
        for (var r : probe.poll()) {
            String type = TopicProbe.header(r, "ce_type");
            var eventType = Topics.eventType(type).orElseThrow(() -> new AssertionError("unknown type " + type));
            String payload = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(schemas.errors(eventType, payload)).as(type).isEmpty();
            if (samples != null && caseId.equals(TopicProbe.header(r, "ce_subject")) || samples != null
                    && payload.contains(caseId)) {
                Files.writeString(Path.of(samples, eventType.name() + ".v" + eventType.version() + ".json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(payload)) + "\n");
            }
        }
    }

    /**
     * 特定严重失信 (T27) designated on the decision by the officer with its legal basis: the served notice says the
     * information cannot be repaired during its publicity and why, the record opens PUBLISHED_NON_REPAIRABLE, and the
     * eligibility answer refuses with NON_REPAIRABLE.
     */
    @Test
    void shouldNotRepairASpecifiedSeriousBreachDesignatedNonRepairableOnTheDecision() throws Exception {
        String body = example("泉环罚〔2026〕207号").replace("\"GENERAL\"", "\"SERIOUS\"").replace("\"severityTier\"",
                "\"nonRepairable\":{\"legalBasis\":\"《泉州市生态环境系统行政处罚信息信用修复暂行规定》\","
                        + "\"reasonZh\":\"篡改自动监测数据，属特定严重失信行为\"},\"severityTier\"");
        var posted = http(caseService).postJson("/api/cases/decisions", body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String caseId = caseIdOf(posted.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> served(http(noticeService), caseId));
        var notice = http(noticeService).getBytes("/api/deliveries/" + caseId + "/documents/" + caseId + "-notice");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(pdfText(notice.body())).contains("公示期内不予修复", "篡改自动监测数据", "信用修复暂行规定");

        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http(creditService)
                .get("/api/enterprises/91350500MA2Y0001XX/publicity-records").body()).get("records").valueStream()
                .anyMatch(r -> r.get("caseId").asString().equals(caseId)));
        JsonNode record = JSON.readTree(http(creditService).get("/api/enterprises/91350500MA2Y0001XX/publicity-records")
                .body()).get("records").valueStream().filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst().orElseThrow();
        assertThat(record.get("status").asString()).isEqualTo("PUBLISHED_NON_REPAIRABLE");
        assertThat(record.at("/classification/nonRepairableSource").asString()).isEqualTo("DECISION");

        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http(creditService)
                .get("/api/enterprises/91350500MA2Y0001XX/repair-eligibility").body()).get("records").valueStream()
                .anyMatch(r -> caseId.equals(r.path("caseId").asString(null))));
        JsonNode answer = JSON.readTree(http(creditService).get("/api/enterprises/91350500MA2Y0001XX/repair-eligibility")
                .body()).get("records").valueStream().filter(r -> caseId.equals(r.path("caseId").asString(null)))
                .findFirst().orElseThrow();
        assertThat(answer.get("eligible").asBoolean()).isFalse();
        assertThat(answer.get("unmet").valueStream().map(u -> u.get("code").asString())).contains("NON_REPAIRABLE");
    }

    @Test
    void shouldYieldOneDeliveryAndOnePublicityRecordWhenPenaltyDecidedIsDeliveredTwice() throws Exception {
        var posted = http(caseService).postJson("/api/cases/decisions", example("泉环罚〔2026〕202号"));
        assertThat(posted.statusCode()).isEqualTo(201);
        String caseId = caseIdOf(posted.body());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                records(Topics.CREDIT_PUBLICITY.name(), "91350500MA2Y0001XX", EventTypes.PUBLICITY_OPENED).stream()
                        .anyMatch(r -> caseId.equals(JSON.readTree(r.value()).get("caseId").asString())));

        // the very same record (same ce_id) delivered again, as after a consumer crash before its commit
        var original = records(Topics.ENFORCEMENT_CASE.name(), caseId, EventTypes.PENALTY_DECIDED).getFirst();
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(original.topic(), null, original.key(), original.value(),
                    original.headers())).get();
        }
        String noticeGroup = NoticeServiceApplication.CONFIG_NAME + "-" + RUN;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, noticeGroup, Topics.ENFORCEMENT_CASE.name()) == 0);
        String creditGroup = CreditServiceApplication.CONFIG_NAME + "-" + RUN;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, creditGroup, Topics.NOTICE_DELIVERY.name()) == 0);

        assertThat(records(Topics.NOTICE_DELIVERY.name(), caseId, EventTypes.DUAL_DELIVERY_COMPLETED)).hasSize(1);
        assertThat(records(Topics.CREDIT_PUBLICITY.name(), "91350500MA2Y0001XX", EventTypes.PUBLICITY_OPENED).stream()
                .filter(r -> caseId.equals(JSON.readTree(r.value()).get("caseId").asString()))).hasSize(1);
        long recordsForCase = JSON.readTree(http(creditService).get("/api/enterprises/91350500MA2Y0001XX/publicity-records")
                .body()).get("records").valueStream().filter(r -> r.get("caseId").asString().equals(caseId)).count();
        assertThat(recordsForCase).isEqualTo(1);
    }
}
