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
                .isEqualByComparingTo("34000.00");

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
        assertThat(JSON.readTree(payload).get("totalFine").asString()).isEqualTo("34000.00");
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
        String bad = example("泉环罚〔2026〕102号").replace("91350500MA2Y0001XX", "91350500MA2Y0001XY");
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
        String bad = example("泉环罚[2026]012号").replace("34000.00", "-5").replace("\"GENERAL\"", "\"HUGE\"");
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
