package cn.gov.eco.enforcement.edge;

import cn.gov.eco.enforcement.decision.DecisionRecordingIT;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 at case-service's edge, against the running service: each hostile input of the table is answered
 * with 4xx problem+json naming the field and the rule, and nothing is stored.
 */
class EdgeLimitsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = "case-edge-it-" + UUID.randomUUID();
    private static final String MB = "x".repeat(1_048_576);
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static MongoClient mongo;
    private static MongoDatabase db;
    private static int port;

    @BeforeAll
    static void start() {
        app = DecisionRecordingIT.start(DATABASE);
        port = DecisionRecordingIT.port(app);
        http = Http.localhost(port).as(Persona.OFFICER_LIN);
        mongo = MongoClients.create(TestInfrastructure.get().mongoUri());
        db = mongo.getDatabase(DATABASE);
    }

    @AfterAll
    static void stop() {
        mongo.close();
        app.close();
    }

    private static ObjectNode decision(String number) throws Exception {
        String json = Files.readString(Path.of("..", "docs", "examples", "decision.json"))
                .replace("泉环罚〔2026〕58号", number);
        return (ObjectNode) JSON.readTree(json);
    }

    private static long stored() {
        return db.getCollection("cases").countDocuments();
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        return JSON.readTree(r.body());
    }

    private static void assertViolation(JsonNode problem, String field, String rule) {
        assertThat(problem.get("violations")).anySatisfy(v -> {
            assertThat(v.get("field").asString()).isEqualTo(field);
            assertThat(v.get("rule").asString()).isEqualTo(rule);
        });
    }

    @Test
    void shouldRefuseAOneMegabyteValueInAnyDecisionFieldBeforeAnythingIsStoredRow1() throws Exception {
        long before = stored();
        var a = decision("泉环罚〔2026〕901号");
        ((ObjectNode) a.get("enterprise")).put("legalRepresentative", MB);
        assertViolation(problem(http.postJson("/api/cases/decisions", a.toString()), 400),
                "enterprise.legalRepresentative", "TOO_LONG");
        var b = decision("泉环罚〔2026〕902号");
        b.put("discretionStatement", MB);
        ((tools.jackson.databind.node.ArrayNode) b.withArray("evidence")).insert(0, MB);
        ((ObjectNode) b.get("penalties").get(0)).put("description", MB);
        JsonNode p = problem(http.postJson("/api/cases/decisions", b.toString()), 400);
        assertViolation(p, "discretionStatement", "TOO_LONG");
        assertViolation(p, "evidence[0]", "TOO_LONG");
        assertViolation(p, "penalties[0].description", "TOO_LONG");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTextTheDocumentsCannotPrintRow2() throws Exception {
        long before = stored();
        // as JSON escapes, the only way a lone surrogate or NUL can travel in UTF-8 JSON
        for (String[] c : new String[][]{{"\\u202e", "TEXT_BIDI_CONTROL"}, {"\\u0000", "TEXT_CONTROL_CHARACTER"},
                {"\\ud800", "TEXT_LONE_SURROGATE"}}) {
            var d = decision("泉环罚〔2026〕903号");
            ((ObjectNode) d.get("enterprise")).put("name", "某某MARK公司");
            String body = d.toString().replace("MARK", c[0]);
            assertViolation(problem(http.postJson("/api/cases/decisions", body), 400), "enterprise.name", c[1]);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void shouldAnswerAMalformedMultipartBodyWith400NamingTheBodyRow3() {
        long before = stored();
        byte[] body = "--zz\r\n\r\n--zz--".getBytes(StandardCharsets.US_ASCII);
        for (String path : new String[]{"/api/cases/decisions", "/api/cases"}) {
            var r = http.send("POST", path, "multipart/form-data; boundary=zz", body);
            JsonNode p = problem(r, 400);
            assertViolation(p, "body", "MALFORMED_MULTIPART");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void shouldRefuseALeadWithOversizedTextAnImplausibleDateOrAnUnknownCoInvestigatorRow5() {
        long before = stored();
        String lead = """
                {"party":{"uscc":"91350500MA2Y0001XX","name":"某某公司","address":"%s"},"receivedDate":"%s",
                 "source":"%s","summary":"%s","coInvestigator":"%s"}""";
        assertViolation(problem(http.postJson("/api/cases", lead.formatted(MB, "2026-03-02", "举报", "摘要", "officer-chen")),
                400), "party.address", "TOO_LONG");
        assertViolation(problem(http.postJson("/api/cases", lead.formatted("泉州", "2026-03-02", MB, MB, "officer-chen")),
                400), "summary", "TOO_LONG");
        assertViolation(problem(http.postJson("/api/cases", lead.formatted("泉州", "1900-01-01", "举报", "摘要", "officer-chen")),
                400), "receivedDate", "DATE_IMPLAUSIBLE");
        assertViolation(problem(http.postJson("/api/cases", lead.formatted("泉州", "2026-03-02", "举报", "摘要", "legal-reviewer")),
                400), "coInvestigator", "UNKNOWN_OFFICER");
        assertThat(stored()).isEqualTo(before);
        assertThat(http.postJson("/api/cases", lead.formatted("泉州", "2026-03-02", "举报", "摘要", "officer-chen"))
                .statusCode()).as("the same lead with a known co-investigator is accepted").isEqualTo(201);
    }

    @Test
    void shouldAnswerPathTricksWithProblemJsonRow7() throws Exception {
        var client = HttpClient.newHttpClient();
        for (String path : new String[]{"/api/cases/%2e%2e/x", "/api/cases;x=1", "/api/cases/..;/x", "/api/%2fcases"}) {
            var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void shouldSendTheUsualSecurityHeadersOnApiAnswersRow8() {
        var r = http.get("/api/cases/" + UUID.randomUUID());
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
