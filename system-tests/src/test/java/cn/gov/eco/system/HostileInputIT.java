package cn.gov.eco.system;

import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.SampleFiles;
import com.mongodb.client.MongoDatabase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16's table replayed through the gateway against the running system, one test per row named after the rule
 * that now holds, and the sweep over every state-changing endpoint of the services' OpenAPI documents: each hostile
 * request is answered 4xx problem+json, and nothing is stored.
 */
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MB = "x".repeat(1_048_576);
    private static final String[] SERVICES = {"case-service", "notice-service", "credit-service"};
    /** Who tries each endpoint: the first persona the endpoint lets in (the body is read after the role check). */
    private static final Persona[] TRYING = {Persona.OFFICER_LIN, Persona.LEGAL_REVIEWER, Persona.AGENCY_HEAD,
            Persona.CASE_REVIEWER, Persona.HEARING_HOST, Persona.CREDIT_REVIEWER, Persona.ENTERPRISE_A};
    private static RunningSystem system;
    private static Http gateway;
    private static int gatewayPort;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        gatewayPort = system.gatewayPort;
        gateway = Http.localhost(gatewayPort);
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        return JSON.readTree(r.body());
    }

    private static void assertViolation(JsonNode problem, String field, String rule) {
        assertThat(problem.get("violations")).as(problem.toString()).anySatisfy(v -> {
            assertThat(v.get("field").asString()).isEqualTo(field);
            assertThat(v.get("rule").asString()).isEqualTo(rule);
        });
    }

    /** Every service's documents, collection by collection (the relay's own bookkeeping left out). */
    private static Map<String, Integer> stored() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ConfigurableApplicationContext ctx : system.services()) {
            MongoDatabase db = ctx.getBean("serviceDatabase", MongoDatabase.class);
            for (String c : db.listCollectionNames()) {
                int hash = 0;
                for (Document d : db.getCollection(c).find()) {
                    d.remove("outbox");
                    d.remove("outboxPending");
                    d.remove("outboxParked");
                    hash = 31 * hash + d.toJson().hashCode();
                }
                out.put(db.getName() + "." + c, hash);
            }
        }
        return out;
    }

    /** The stores once the work of earlier tests has settled (two equal readings a second apart). */
    private static Map<String, Integer> settled() {
        var last = new java.util.concurrent.atomic.AtomicReference<>(stored());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var now = stored();
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    private static ObjectNode decision(String number) {
        return (ObjectNode) JSON.readTree(RunningSystem.example(number));
    }

    @Test
    void shouldRefuseADecisionWhoseTextWouldMakeItsEventTooLargeForTheBrokerRow1() {
        Http officer = gateway.as(Persona.OFFICER_LIN);
        MongoDatabase cases = system.caseService.getBean("serviceDatabase", MongoDatabase.class);
        long before = cases.getCollection("cases").countDocuments();
        var d = decision("泉环罚〔2026〕951号");
        ((ObjectNode) d.get("enterprise")).put("legalRepresentative", MB);
        d.put("discretionStatement", MB);
        ((ArrayNode) d.get("evidence")).insert(0, MB);
        ((ObjectNode) d.get("penalties").get(0)).put("description", MB);
        JsonNode p = problem(officer.postJson("/api/cases/decisions", d.toString()), 400);
        for (String field : List.of("enterprise.legalRepresentative", "discretionStatement", "evidence[0]",
                "penalties[0].description")) {
            assertViolation(p, field, "TOO_LONG");
        }
        assertThat(cases.getCollection("cases").countDocuments()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldRefuseAPartyNameTheDocumentsCannotPrintRow2() {
        Http officer = gateway.as(Persona.OFFICER_LIN);
        String[][] cases = {{"\\u202e", "TEXT_BIDI_CONTROL"}, {"\\u0000", "TEXT_CONTROL_CHARACTER"},
                {"\\ud800", "TEXT_LONE_SURROGATE"}, {"\\ud840\\udc00", "TEXT_NOT_IN_FONT"}};
        for (String[] c : cases) {
            var d = decision("泉环罚〔2026〕952号");
            ((ObjectNode) d.get("enterprise")).put("name", "某某MARK公司");
            assertViolation(problem(officer.postJson("/api/cases/decisions", d.toString().replace("MARK", c[0])), 400),
                    "enterprise.name", c[1]);
        }
    }

    @Test
    void shouldRefuseALeadWithOversizedTextAnImplausibleDateOrAnUnknownCoInvestigatorRow5() {
        Http officer = gateway.as(Persona.OFFICER_LIN);
        String lead = """
                {"party":{"uscc":"91350500MA2Y0001XX","name":"某某公司","address":"%s"},"receivedDate":"%s",
                 "source":"举报","summary":"%s","coInvestigator":"%s"}""";
        assertViolation(problem(officer.postJson("/api/cases", lead.formatted(MB, "2026-11-02", "摘要", "officer-chen")),
                400), "party.address", "TOO_LONG");
        assertViolation(problem(officer.postJson("/api/cases", lead.formatted("泉州", "2026-11-02", MB, "officer-chen")),
                400), "summary", "TOO_LONG");
        assertViolation(problem(officer.postJson("/api/cases", lead.formatted("泉州", "1900-01-01", "摘要", "officer-chen")),
                400), "receivedDate", "DATE_IMPLAUSIBLE");
        assertViolation(problem(officer.postJson("/api/cases", lead.formatted("泉州", "2026-11-02", "摘要", "legal-reviewer")),
                400), "coInvestigator", "UNKNOWN_OFFICER");
    }

    private static HttpResponse<String> upload(String fileName, byte[] content) {
        String boundary = "hostile-boundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uscc\"\r\n\r\n" + Persona.USCC_A
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return gateway.as(Persona.OFFICER_LIN).send("POST", "/api/deliveries/evidence",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    @Test
    void shouldParseUploadsRefusingScriptsAndPolyglotsAndStoringOnlyASafeNameRow6() throws Exception {
        assertViolation(problem(upload("回证.pdf", "%PDF-1.4\n<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.US_ASCII)), 400), "file", "UPLOAD_POLYGLOT");
        byte[] withOpenAction;
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"));
            doc.save(out);
            withOpenAction = out.toByteArray();
        }
        assertViolation(problem(upload("回证.pdf", withOpenAction), 400), "file", "PDF_ACTIVE_CONTENT");
        var stored = upload("../../etc/passwd.pdf", SampleFiles.PDF);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(JSON.readTree(stored.body()).get("fileName").asString()).isEqualTo("passwd.pdf");
        assertThat(JSON.readTree(stored.body()).get("contentType").asString()).isEqualTo("application/pdf");
    }

    @Test
    void shouldAnswerPathTricksWithProblemJsonRow7() throws Exception {
        var client = HttpClient.newHttpClient();
        for (String path : new String[]{"/api/cases/%2e%2e/x", "/api/cases;x=1", "/api/cases/..;/x", "/api/%2fcases",
                "/api/no-such-service"}) {
            var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gatewayPort + path))
                    .header("Authorization", "Bearer " + cn.gov.eco.testsupport.TestTokens.get().token(Persona.OFFICER_LIN))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).as(path + " " + r.body()).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void shouldSendTheUsualSecurityHeadersWithThePortalAndTheApiRow8() {
        var portal = gateway.get("/portal/");
        assertThat(portal.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(portal.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(portal.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(portal.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        var api = gateway.as(Persona.OFFICER_LIN).get("/api/cases/legal-reviews");
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("default-src 'none'"));
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /**
     * Rows 3 and 6 for every endpoint, generated from the OpenAPI documents (a new endpoint is covered without
     * anyone remembering it): malformed JSON, a wrong type, 1 MB in every text field, operator objects in place of
     * text, and a malformed multipart body each get a 4xx problem+json, and no store changes.
     */
    @Test
    void shouldAnswerEveryHostileBodyOnEveryStateChangingEndpointWith4xxProblemJsonAndStoreNothing() {
        Map<String, Integer> before = settled();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String service : SERVICES) {
            JsonNode api = JSON.readTree(gateway.get("/openapi/" + service).body());
            for (var path : api.get("paths").properties()) {
                for (String method : List.of("post", "put", "patch", "delete")) {
                    JsonNode op = path.getValue().get(method);
                    if (op == null || !path.getKey().startsWith("/api/")) {
                        continue;
                    }
                    String url = concrete(service, path.getKey());
                    JsonNode schema = jsonSchema(api, op);
                    Map<String, Object[]> bodies = new LinkedHashMap<>();
                    bodies.put("malformed JSON", new Object[]{"application/json", "{\"a\":"});
                    bodies.put("wrong type", new Object[]{"application/json", "[[1],[2]]"});
                    bodies.put("1 MB strings", new Object[]{"application/json", fill(api, schema, MB, 0).toString()});
                    bodies.put("operator objects", new Object[]{"application/json",
                            fill(api, schema, null, 0).toString()});
                    bodies.put("malformed multipart", new Object[]{"multipart/form-data; boundary=zz",
                            "--zz\r\n\r\n--zz--"});
                    Persona who = admitted(method.toUpperCase(), url);
                    for (var b : bodies.entrySet()) {
                        HttpResponse<String> r;
                        try {
                            r = gateway.as(who).send(method.toUpperCase(), url, (String) b.getValue()[0],
                                    ((String) b.getValue()[1]).getBytes(StandardCharsets.UTF_8));
                        } catch (java.io.UncheckedIOException e) {
                            wrong.add(method.toUpperCase() + " " + url + " as " + who + " with " + b.getKey()
                                    + ": no complete answer (" + e.getMessage() + ")");
                            continue;
                        }
                        calls++;
                        String type = r.headers().firstValue("Content-Type").orElse("");
                        if (r.statusCode() < 400 || r.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                            wrong.add(method.toUpperCase() + " " + url + " as " + who + " with " + b.getKey() + ": "
                                    + r.statusCode() + " " + type + " " + abbreviate(r.body()));
                        }
                    }
                }
            }
        }
        assertThat(calls).as("the sweep found the state-changing endpoints").isGreaterThan(100);
        assertThat(wrong).as("hostile requests not answered 4xx problem+json (%d calls)", calls).isEmpty();
        assertThat(stored()).as("nothing stored by the sweep").isEqualTo(before);
    }

    private static Persona admitted(String method, String url) {
        for (Persona p : TRYING) {
            if (gateway.as(p).send(method, url, "application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8))
                    .statusCode() != 403) {
                return p;
            }
        }
        return Persona.OFFICER_LIN;
    }

    private static String concrete(String service, String path) {
        String p = path.startsWith("/api/operations/") ? path.replace("/api/operations/", "/api/operations/" + service + "/")
                : path;
        // no real resource: a body-less DELETE would otherwise act on it (a revoked consent is a stored change)
        return p.replaceAll("\\{[^}]+}", "sweep-" + RunningSystem.RUN);
    }

    private static JsonNode jsonSchema(JsonNode api, JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        for (var c : content.properties()) {
            if (c.getKey().contains("json")) {
                return c.getValue().path("schema");
            }
        }
        return JSON.createObjectNode();
    }

    /** An instance of the schema with {@code text} in every string ({@code {"$gt": ""}} when null). */
    private static JsonNode fill(JsonNode api, JsonNode schema, String text, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 4 ? JSON.createObjectNode() : fill(api, api.path("components").path("schemas").path(name),
                    text, depth + 1);
        }
        String type = schema.has("type") ? (schema.get("type").isArray() ? schema.get("type").get(0).asString()
                : schema.get("type").asString()) : (schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                schema.path("properties").properties().forEach(p -> o.set(p.getKey(), fill(api, p.getValue(), text,
                        depth + 1)));
                return o;
            }
            case "array" -> {
                ArrayNode a = JSON.createArrayNode();
                a.add(fill(api, schema.path("items"), text, depth + 1));
                return a;
            }
            case "string" -> {
                return text == null ? JSON.createObjectNode().put("$gt", "") : JSON.getNodeFactory().stringNode(text);
            }
            default -> {
                return JSON.getNodeFactory().nullNode();
            }
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : Objects.toString(body);
    }
}
