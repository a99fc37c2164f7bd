package cn.gov.eco.enforcement.decision;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.enforcement.CaseServiceApplication;
import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** case-service against a real Kafka broker and MongoDB (embedded default, or Testcontainers where Docker runs). */
public class DecisionRecordingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = "case-it-" + UUID.randomUUID();
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static TopicProbe probe;

    static ConfigurableApplicationContext start() {
        return start(DATABASE);
    }

    public static ConfigurableApplicationContext start(String database) {
        var infra = TestInfrastructure.get();
        return new SpringApplicationBuilder(CaseServiceApplication.class, FixedClock.class)
                .properties("spring.config.name=" + CaseServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=" + database,
                        "--spring.kafka.consumer.group-id=case-it"));
    }

    @BeforeAll
    static void startService() {
        app = start();
        http = Http.localhost(port(app)).as(Persona.OFFICER_LIN);
        probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(),
                List.of(Topics.ENFORCEMENT_CASE.name()));
    }

    @AfterAll
    static void stop() {
        probe.close();
        if (app != null) {
            app.close();
        }
    }

    public static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    static String example(String documentNumber) throws Exception {
        String json = Files.readString(Path.of("..", "docs", "examples", "decision.json"));
        return json.replace("泉环罚〔2026〕58号", documentNumber);
    }

    static List<ConsumerRecord<String, byte[]>> recordsFor(String caseId) {
        return probe.poll().stream().filter(r -> caseId.equals(r.key())).toList();
    }

    @Test
    void shouldKeepAHashChainedFullProcessRecordThatDetectsTampering() throws Exception {
        var response = http.postJson("/api/cases/decisions", example("泉环罚〔2026〕105号"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String caseId = JSON.readTree(response.body()).get("caseId").asString();

        JsonNode export = JSON.readTree(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record").body());
        assertThat(export.at("/verification/intact").asBoolean()).isTrue();
        assertThat(export.at("/algorithm").asString()).contains("SHA-256");
        JsonNode first = export.at("/entries/0");
        assertThat(first.at("/action").asString()).isEqualTo("DECISION_RECORDED");
        assertThat(first.at("/actor/userId").asString()).isEqualTo("officer-lin");
        assertThat(first.at("/actor/role").asString()).isEqualTo("OFFICER");
        assertThat(first.at("/toState").asString()).isEqualTo("DECIDED");
        assertThat(first.at("/documents/0").asString()).isEqualTo("泉环罚〔2026〕105号");

        // someone with database access edits the stored entry: the chain no longer matches
        try (var mongo = com.mongodb.client.MongoClients.create(TestInfrastructure.get().mongoUri())) {
            mongo.getDatabase(DATABASE).getCollection("cases").updateOne(
                    com.mongodb.client.model.Filters.eq("_id", caseId),
                    com.mongodb.client.model.Updates.set("record.0.documents.0", "泉环罚〔2026〕999号"));
        }
        JsonNode check = JSON.readTree(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record/verification")
                .body());
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("brokenAtSeq").asLong()).isEqualTo(1);
        assertThat(check.get("reasonZh").asString()).contains("改动");

        // enterprise users do not read the agency's internal record
        assertThat(http.as(Persona.ENTERPRISE_A).get("/api/cases/" + caseId + "/record").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRecordADecisionAndPublishPenaltyDecidedAsACloudEventThatSatisfiesItsSchema() throws Exception {
        var response = http.postJson("/api/cases/decisions", example("泉环罚〔2026〕101号"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String caseId = body.get("caseId").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);
        assertThat(body.at("/decision/documentNumber").asString()).isEqualTo("泉环罚〔2026〕101号");
        assertThat(body.at("/decision/enterprise/uscc").asString()).isEqualTo("91350500MA2Y0001XX");

        var read = http.get("/api/cases/" + caseId);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).at("/decision/penalties/0/amount").decimalValue())
                .isEqualByComparingTo("120000.00");

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 1);
        var record = recordsFor(caseId).getFirst();
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventTypes.PENALTY_DECIDED.ceType());
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/case-service");
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_sequence")).isEqualTo("1");
        assertThat(TopicProbe.header(record, "ce_calendarversion")).isNotBlank();
        assertThat(TopicProbe.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(EventTypes.PENALTY_DECIDED, payload)).isEmpty();
        assertThat(JSON.readTree(payload).get("totalFine").asString()).isEqualTo("120000.00");
    }

    @Test
    void shouldCarryThePublicityPlanClassifiedOnceAtTheDecisionInPenaltyDecided() throws Exception {
        // 吊销许可证件 declared general: the one classification applies the penalty type's serious tier (T26)
        String body = example("泉环罚〔2026〕111号").replace("{ \"type\": \"FINE\", \"amount\": 120000.00 }",
                "{ \"type\": \"FINE\", \"amount\": 120000.00 }, { \"type\": \"REVOCATION_OF_LICENCE\" }")
                .replace("\"issuingAgency\"", "\"hearingRight\":{\"offeredOn\":\"2026-11-01\",\"outcome\":\"WAIVED\"},"
                        + "\"legalReview\":{\"passedOn\":\"2026-11-18\",\"reviewer\":\"王敏\"},"
                        + "\"collectiveDiscussion\":{\"minutesReference\":\"泉环集〔2026〕9号\",\"heldOn\":\"2026-11-19\"},"
                        + "\"issuingAgency\"");
        var response = http.postJson("/api/cases/decisions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String caseId = JSON.readTree(response.body()).get("caseId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 1);
        String payload = new String(recordsFor(caseId).getFirst().value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(EventTypes.PENALTY_DECIDED, payload)).isEmpty();
        JsonNode plan = JSON.readTree(payload).get("publicityPlan");
        assertThat(plan.at("/classification/declaredTier").asString()).isEqualTo("GENERAL");
        assertThat(plan.at("/classification/appliedTier").asString()).isEqualTo("SERIOUS");
        assertThat(plan.at("/classification/longestOf").asString()).isEqualTo("REVOCATION_OF_LICENCE");
        assertThat(plan.at("/plan/ruleSetId").asString()).isEqualTo("NDRC-ORDER-36");
        assertThat(plan.at("/plan/earliestApplicationDate/date").asString()).isEqualTo("2027-11-21");
        assertThat(plan.at("/plan/maxPeriodEnd/date").asString()).isEqualTo("2029-11-20");
        assertThat(plan.at("/plan/earliestApplicationDate/derivation/rule").isMissingNode()).isFalse();
    }

    /** DOMAIN.md §8.5.2, §0.2: 《大气污染防治法》第九十九条 is 100,000–1,000,000; 减轻 below only with its Art. 32 ground. */
    @Test
    void shouldRefuseAFineOutsideTheStatutoryRangeOfItsProvisionUnlessMitigatedWithItsArticle32Ground()
            throws Exception {
        String below = example("泉环罚〔2026〕112号").replace("120000.00", "34000.00");
        var refused = http.postJson("/api/cases/decisions", below);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("penalties");
        assertThat(problem.get("violations").get(0).get("rule").asString()).isEqualTo("FINE_BELOW_STATUTORY_MINIMUM");
        assertThat(problem.get("violations").get(0).get("messageZh").asString()).contains("100000", "第三十二条");
        assertThat(cases().countDocuments(new Document("decision.documentNumber", "泉环罚〔2026〕112号"))).isZero();

        String above = example("泉环罚〔2026〕113号").replace("120000.00", "1000000.01");
        var tooHigh = http.postJson("/api/cases/decisions", above);
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("FINE_ABOVE_STATUTORY_MAXIMUM");

        String ungrounded = below.replace("\"severityTier\"", "\"mitigation\":{\"belowMinimum\":true},\"severityTier\"");
        var noGround = http.postJson("/api/cases/decisions", ungrounded);
        assertThat(noGround.statusCode()).isEqualTo(400);
        assertThat(noGround.body()).contains("MITIGATION_BASIS_REQUIRED", "mitigation.belowMinimumBasis");

        String mitigated = below.replace("\"severityTier\"", "\"mitigation\":{\"belowMinimum\":true,"
                + "\"belowMinimumBasis\":\"《中华人民共和国行政处罚法》第三十二条第一项\"},\"severityTier\"");
        var accepted = http.postJson("/api/cases/decisions", mitigated);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    /** 特定严重失信 designated on the decision: its legal basis is required, and only for a serious decision. */
    @Test
    void shouldCarryANonRepairableDesignationWithItsLegalBasisOnlyForASeriousDecision() throws Exception {
        String designation = "\"nonRepairable\":{\"legalBasis\":\"《泉州市生态环境系统行政处罚信息信用修复暂行规定》\","
                + "\"reasonZh\":\"篡改监测数据，属特定严重失信行为\"},\"severityTier\"";
        var general = http.postJson("/api/cases/decisions", example("泉环罚〔2026〕114号")
                .replace("\"severityTier\"", designation));
        assertThat(general.statusCode()).as(general.body()).isEqualTo(400);
        assertThat(general.body()).contains("NON_REPAIRABLE_REQUIRES_SERIOUS");
        assertThat(cases().countDocuments(new Document("decision.documentNumber", "泉环罚〔2026〕114号"))).isZero();

        var noBasis = http.postJson("/api/cases/decisions", example("泉环罚〔2026〕115号")
                .replace("\"severityTier\"", "\"nonRepairable\":{\"reasonZh\":\"x\"},\"severityTier\""));
        assertThat(noBasis.statusCode()).isEqualTo(400);
        assertThat(noBasis.body()).contains("nonRepairable.legalBasis");

        var serious = http.postJson("/api/cases/decisions", example("泉环罚〔2026〕116号")
                .replace("\"severityTier\"", designation).replace("\"GENERAL\"", "\"SERIOUS\""));
        assertThat(serious.statusCode()).as(serious.body()).isEqualTo(201);
        String caseId = JSON.readTree(serious.body()).get("caseId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 1);
        JsonNode c = JSON.readTree(new String(recordsFor(caseId).getFirst().value(), StandardCharsets.UTF_8))
                .at("/publicityPlan/classification");
        assertThat(c.get("nonRepairable").asBoolean()).isTrue();
        assertThat(c.get("nonRepairableSource").asString()).isEqualTo("DECISION");
        assertThat(c.get("nonRepairableLegalBasis").asString()).contains("信用修复暂行规定");
        assertThat(c.get("nonRepairableReasonZh").asString()).contains("篡改监测数据");
    }

    /**
     * DOMAIN.md §6, §8.5.1: a real code in circulation that fails the GB 32100 check character is accepted with a
     * warning, recorded NEEDS_MANUAL_VERIFICATION on the case and in PenaltyDecided, and queued for an officer, whose
     * confirmation against the registry is recorded in the full-process record. A malformed code stays refused.
     */
    @Test
    void shouldAcceptAUsccFailingOnlyTheCheckCharacterWithAWarningAndQueueItForAnOfficerToVerify() throws Exception {
        String body = example("泉环罚〔2026〕121号").replace("91350500MA2Y0001XX", "91350203M0001QAY9B");
        var response = http.postJson("/api/cases/decisions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        String caseId = created.get("caseId").asString();
        assertThat(created.at("/decision/enterprise/usccStatus").asString()).isEqualTo("NEEDS_MANUAL_VERIFICATION");
        assertThat(created.get("warnings").valueStream().map(w -> w.get("rule").asString()))
                .contains("USCC_CHECK_CHARACTER");

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 1);
        String payload = new String(recordsFor(caseId).getFirst().value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(EventTypes.PENALTY_DECIDED, payload)).isEmpty();
        assertThat(JSON.readTree(payload).at("/enterprise/usccStatus").asString())
                .isEqualTo("NEEDS_MANUAL_VERIFICATION");

        JsonNode queue = JSON.readTree(http.get("/api/cases/uscc-verifications").body());
        assertThat(queue.valueStream().map(d -> d.get("caseId").asString())).contains(caseId);
        var refused = http.postJson("/api/cases/" + caseId + "/uscc-verification", "{}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("registryReference");
        var confirmed = http.postJson("/api/cases/" + caseId + "/uscc-verification",
                "{\"registryReference\":\"国家企业信用信息公示系统 2026-11-23 查询截图\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).at("/decision/enterprise/usccStatus").asString())
                .isEqualTo("MANUALLY_VERIFIED");
        assertThat(JSON.readTree(http.get("/api/cases/uscc-verifications").body()).valueStream()
                .map(d -> d.get("caseId").asString())).doesNotContain(caseId);
        JsonNode record = JSON.readTree(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record").body());
        assertThat(record.at("/verification/intact").asBoolean()).isTrue();
        assertThat(record.get("entries").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("DECISION_RECORDED", "USCC_VERIFIED");
        assertThat(http.postJson("/api/cases/" + caseId + "/uscc-verification",
                "{\"registryReference\":\"again\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void shouldReportReadyWithKafkaAndMongoInTheReadinessGroupOnly() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        JsonNode readiness = JSON.readTree(http.get("/actuator/health/readiness").body());
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        JsonNode liveness = JSON.readTree(http.get("/actuator/health/liveness").body());
        assertThat(liveness.get("status").asString()).isEqualTo("UP");
        JsonNode health = JSON.readTree(http.get("/actuator/health").body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldRejectAnInvalidUsccWithProblemJsonNamingTheFieldAndStoreNothing() throws Exception {
        // malformed (17 characters): a hard refusal; a code failing only the check character is the exception path
        String bad = example("泉环罚〔2026〕102号").replace("91350500MA2Y0001XX", "91350500MA2Y0001X");
        var response = http.postJson("/api/cases/decisions", bad);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("enterprise.uscc");
        assertThat(problem.get("violations").get(0).get("messageZh").asString()).isNotBlank();
        assertThat(problem.get("titleZh").asString()).isEqualTo("请求无效");
        assertThat(cases().countDocuments(new Document("decision.documentNumber", "泉环罚〔2026〕102号"))).isZero();
    }

    @Test
    void shouldRejectEveryFaultAtOnceIncludingAmountsAndTheDocumentNumberForm() throws Exception {
        String bad = example("泉环罚[2026]012号").replace("120000.00", "-5").replace("\"GENERAL\"", "\"HUGE\"");
        var response = http.postJson("/api/cases/decisions", bad);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        List<String> fields = problem.get("violations").valueStream().map(v -> v.get("field").asString()).toList();
        assertThat(fields).contains("documentNumber", "penalties[0].amount", "severityTier");
    }

    @Test
    void shouldAnswerMalformedJsonAndWrongTypesWith400NeverA500() {
        var malformed = http.postJson("/api/cases/decisions", "{\"enterprise\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        var wrongType = http.postJson("/api/cases/decisions", "{\"decisionDate\": \"yesterday\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("decisionDate");
        var unknown = http.get("/api/cases/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("titleZh", "\"detailZh\":\"未找到案件：").doesNotContain("案件 case");
    }

    @Test
    void shouldRegisterDecisionsOf2019And2024ForMigrationAndRefuseOnesBeforeThePenaltyLaw() throws Exception {
        // 存量案件录入: publicity periods are month counts, working-day rules use the official 2019–2024 tables
        for (String[] c : new String[][] {{"泉环罚〔2019〕31号", "2019-06-11"}, {"泉环罚〔2024〕47号", "2024-03-08"}}) {
            var response = http.postJson("/api/cases/decisions", example(c[0]).replace("2026-11-20", c[1]));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.at("/decision/decisionDate").asString()).isEqualTo(c[1]);
            assertThat(body.get("warnings").valueStream().map(w -> w.get("rule").asString()))
                    .doesNotContain("DATE_OUTSIDE_CALENDAR");
        }
        var ancient = http.postJson("/api/cases/decisions", example("泉环罚〔1995〕1号").replace("2026-11-20", "1995-05-05"));
        assertThat(ancient.statusCode()).isEqualTo(400);
        assertThat(ancient.body()).contains("DATE_BEFORE_PENALTY_LAW").contains("decisionDate");
    }

    @Test
    void shouldRefuseADuplicateDocumentNumberWithAConflict() throws Exception {
        assertThat(http.postJson("/api/cases/decisions", example("泉环罚〔2026〕103号")).statusCode()).isEqualTo(201);
        var again = http.postJson("/api/cases/decisions", example("泉环罚〔2026〕103号"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("DOCUMENT_NUMBER_TAKEN", "\"titleZh\":\"文号已被使用\"")
                .doesNotContain("与当前状态冲突");
        assertThat(cases().countDocuments(new Document("decision.documentNumber", "泉环罚〔2026〕103号"))).isEqualTo(1);
    }

    @Test
    void shouldStillPublishAfterACrashBetweenTheStateWriteAndThePublish() throws Exception {
        // The relay is stopped, as if the process died right after the write: the case is stored, its event pending.
        String database = "case-crash-" + UUID.randomUUID();
        ConfigurableApplicationContext crashing = start(database);
        crashing.getBean(OutboxRelay.class).stop();
        var response = Http.localhost(port(crashing)).as(Persona.OFFICER_LIN).postJson("/api/cases/decisions", example("泉环罚〔2026〕104号"));
        assertThat(response.statusCode()).isEqualTo(201);
        String caseId = JSON.readTree(response.body()).get("caseId").asString();
        var crashedCases = crashing.getBean(MongoDatabase.class).getCollection(CaseRepository.COLLECTION);
        assertThat(crashedCases.find(new Document("_id", caseId)).first().getBoolean("outboxPending")).isTrue();
        crashing.close();
        assertThat(recordsFor(caseId)).isEmpty();

        // After the restart against the same database the event is published, exactly once, and marked sent.
        ConfigurableApplicationContext restarted = start(database);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 1);
            var cases = restarted.getBean(MongoDatabase.class).getCollection(CaseRepository.COLLECTION);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    !cases.find(new Document("_id", caseId)).first().getBoolean("outboxPending"));
        } finally {
            restarted.close();
        }
        assertThat(recordsFor(caseId)).hasSize(1);
    }

    private static com.mongodb.client.MongoCollection<Document> cases() {
        return app.getBean(MongoDatabase.class).getCollection(CaseRepository.COLLECTION);
    }
}
