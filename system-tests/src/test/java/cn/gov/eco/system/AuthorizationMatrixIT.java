package cn.gov.eco.system;

import cn.gov.eco.platform.security.Access;
import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RELIABILITY.md R10, "no one where they don't belong": every endpoint the three services actually expose under
 * {@code /api/**} (read from their request mappings, so a new endpoint is in the matrix the day it is born) × every
 * demo persona × a resource of the persona's own and of the other enterprise. A persona outside the endpoint's
 * {@link Access} roles gets 403; a read-only persona never changes state; an enterprise user gets 403 on the other
 * enterprise's resources; everyone else gets past authorization. No token, an expired token and a forged token get
 * 401. An endpoint without an access rule or without a fixture here fails the test.
 */
class AuthorizationMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NUMBERS = new AtomicInteger(300);
    private static final Map<Owner, String> CASES = new EnumMap<>(Owner.class);
    private static final java.util.concurrent.atomic.AtomicReference<byte[]> SEALED_PDF =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Whose resource a request touches: enterprise A's (清源化工) or enterprise B's (蓝海印染). */
    enum Owner {
        A(Persona.USCC_A), B(Persona.USCC_B);

        final String uscc;

        Owner(String uscc) {
            this.uscc = uscc;
        }
    }

    record Endpoint(ConfigurableApplicationContext service, String method, String pattern, Access rule) {
        String key() {
            return method + " " + pattern;
        }
    }

    record Call(String method, String path, String contentType, byte[] body) {
        static Call get(String path) {
            return new Call("GET", path, null, null);
        }
    }

    /** How to call each endpoint on a resource of the given owner. A new endpoint needs a line here. */

    /** Online credit repair (credit-service): the enterprise's side and the reviewer's. */
    private static Map<String, Function<Owner, Call>> repairFixtures() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        return Map.ofEntries(
                Map.entry("GET /api/enterprises/{uscc}/repair-eligibility",
                        o -> Call.get("/api/enterprises/" + o.uscc + "/repair-eligibility")),
                Map.entry("GET /api/enterprises/{uscc}/repair-commitment",
                        o -> Call.get("/api/enterprises/" + o.uscc + "/repair-commitment")),
                Map.entry("POST /api/enterprises/{uscc}/repair-applications", o -> repairForm(
                        "/api/enterprises/" + o.uscc + "/repair-applications", CASES.get(o))),
                Map.entry("GET /api/enterprises/{uscc}/repair-applications",
                        o -> Call.get("/api/enterprises/" + o.uscc + "/repair-applications")),
                Map.entry("GET /api/enterprises/{uscc}/repair-applications/{applicationId}",
                        o -> Call.get("/api/enterprises/" + o.uscc + "/repair-applications/" + unknown)),
                Map.entry("POST /api/enterprises/{uscc}/repair-applications/{applicationId}/supplement",
                        o -> repairForm("/api/enterprises/" + o.uscc + "/repair-applications/" + unknown
                                + "/supplement", null)),
                Map.entry("POST /api/enterprises/{uscc}/repair-applications/{applicationId}/withdrawal",
                        o -> new Call("POST", "/api/enterprises/" + o.uscc + "/repair-applications/" + unknown
                                + "/withdrawal", null, null)),
                Map.entry("GET /api/repair-applications", o -> Call.get("/api/repair-applications")),
                Map.entry("GET /api/repair-applications/{applicationId}",
                        o -> Call.get("/api/repair-applications/" + unknown)),
                Map.entry("GET /api/repair-applications/{applicationId}/materials/{fileId}",
                        o -> Call.get("/api/repair-applications/" + unknown + "/materials/" + unknown)),
                Map.entry("POST /api/repair-applications/{applicationId}/decisions",
                        o -> new Call("POST", "/api/repair-applications/" + unknown + "/decisions",
                                "application/json", "{\"action\":\"ACCEPT\"}".getBytes(StandardCharsets.UTF_8))));
    }

    /** A multipart repair form for the owner's own case (the application part only; no file). */
    static Call repairForm(String path, String recordId) {
        String boundary = "matrix-boundary";
        String json = "{\"recordId\":\"" + recordId + "\",\"contactName\":\"陈建国\",\"contactPhone\":\"13800000000\","
                + "\"commitment\":{\"accepted\":false}}";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + (recordId == null ? "statement"
                : "application") + "\"\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
        return new Call("POST", path, "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Function<Owner, Call>> merged(Map<String, Function<Owner, Call>> a,
                                                     Map<String, Function<Owner, Call>> b) {
        var all = new java.util.HashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }

    /**
     * Endpoints outside {@code /api/**} that outside systems call without a person's token, each authenticated by its
     * own signature ({@code TokenExemptPath}): how it authenticates, and a request that must be refused with 401. A
     * new one needs a line here; any other handler outside {@code /api/**} fails the test.
     */
    private static final Map<String, Call> TOKEN_EXEMPT = Map.of(
            "POST /callbacks/edelivery/arrivals", new Call("POST", "/callbacks/edelivery/arrivals", "application/json",
                    "{\"deliveryId\":\"x\",\"platformMessageId\":\"EDM-1\",\"arrivedAt\":\"2026-11-26T02:00:00Z\"}"
                            .getBytes(StandardCharsets.UTF_8)));
    /** Handlers outside {@code /api/**} that serve no one's data: the API description and the error page. */
    private static final Set<String> OPEN_HANDLER_PREFIXES = Set.of("/v3/api-docs", "/error");
    /**
     * case-service's execution endpoints (after the decision). The changes are sent with an empty body: past
     * authorization they answer 400 and change nothing, so the shared cases stay as they are for every other line.
     */
    static Map<String, Function<Owner, Call>> withCaseExecution(Map<String, Function<Owner, Call>> base) {
        Map<String, Function<Owner, Call>> all = new java.util.HashMap<>(base);
        all.put("GET /api/cases/{caseId}/execution", o -> Call.get("/api/cases/" + CASES.get(o) + "/execution"));
        for (String change : List.of("payments", "rectification", "deferral", "instalments", "reminder",
                "court-enforcement", "court-enforcement/completion", "remedy-outcome")) {
            all.put("POST /api/cases/{caseId}/execution/" + change, o -> new Call("POST", "/api/cases/" + CASES.get(o)
                    + "/execution/" + change, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        }
        return Map.copyOf(all);
    }

    private static final Map<String, Function<Owner, Call>> FIXTURES = merged(merged(publicityAndLevelFixtures(), repairFixtures()), withCaseExecution(Map.ofEntries(
            Map.entry("POST /api/cases/decisions",
                    o -> new Call("POST", "/api/cases/decisions", "application/json",
                    decisionOf(o, "泉环罚〔2026〕" + NUMBERS.incrementAndGet() + "号").getBytes(StandardCharsets.UTF_8))),
            Map.entry("GET /api/cases/{caseId}",
                    o -> Call.get("/api/cases/" + CASES.get(o))),
            Map.entry("GET /api/cases/{caseId}/record",
                    o -> Call.get("/api/cases/" + CASES.get(o) + "/record")),
            Map.entry("GET /api/cases/{caseId}/record/verification",
                    o -> Call.get("/api/cases/" + CASES.get(o) + "/record/verification")),
            Map.entry("GET /api/deliveries/{caseId}",
                    o -> Call.get("/api/deliveries/" + CASES.get(o))),
            Map.entry("GET /api/deliveries/{caseId}/documents/{documentId}",
                    o -> Call.get("/api/deliveries/" + CASES.get(o) + "/documents/" + CASES.get(o) + "-notice")),
            Map.entry("GET /api/deliveries/seal-certificate",
                    o -> Call.get("/api/deliveries/seal-certificate")),
            Map.entry("POST /api/deliveries/verifications",
                    o -> new Call("POST", "/api/deliveries/verifications",
                    "application/pdf", SEALED_PDF.get())),
            Map.entry("GET /api/enterprises/{uscc}/publicity-records",
                    o -> Call.get("/api/enterprises/" + o.uscc + "/publicity-records")),
            Map.entry("POST /api/cases",
                    o -> new Call("POST", "/api/cases", "application/json", ("{\"party\":{\"uscc\":\"" + o.uscc
                            + "\",\"name\":\"矩阵测试企业\"},\"receivedDate\":\"2026-11-02\",\"summary\":\"线索\"}")
                            .getBytes(StandardCharsets.UTF_8))),
            Map.entry("GET /api/cases/{caseId}/file",
                    o -> Call.get("/api/cases/" + CASES.get(o) + "/file")),
            Map.entry("GET /api/cases/legal-reviews",
                    o -> Call.get("/api/cases/legal-reviews")),
            Map.entry("GET /api/cases", o -> Call.get("/api/cases?q=" + o.uscc)),
            Map.entry("POST /api/cases/{caseId}/filing",
                    o -> step(o, "filing", "{\"decision\":\"FILE\",\"date\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/evidence",
                    o -> step(o, "evidence", "{\"kind\":\"笔录\",\"description\":\"现场检查笔录\",\"collectedDate\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/review-submission",
                    o -> step(o, "review-submission", "{\"kind\":\"NO_PENALTY\",\"noPenaltyGround\":\"NO_FAULT\",\"facts\":\"无过错\",\"date\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/case-review",
                    o -> step(o, "case-review", "{\"outcome\":\"APPROVE\",\"date\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/pre-notice",
                    o -> step(o, "pre-notice", "{\"servedDate\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/statements",
                    o -> step(o, "statements", "{\"receivedDate\":\"2026-11-03\",\"summary\":\"陈述\"}")),
            Map.entry("POST /api/cases/{caseId}/waiver",
                    o -> step(o, "waiver", "{\"statementsWaived\":true,\"date\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/hearing-request",
                    o -> step(o, "hearing-request", "{\"requestedDate\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/hearing-schedule",
                    o -> step(o, "hearing-schedule", "{\"hearingDate\":\"2026-11-20\",\"noticeDate\":\"2026-11-03\",\"hostId\":\"hearing-host\"}")),
            Map.entry("POST /api/cases/{caseId}/hearing-record",
                    o -> step(o, "hearing-record", "{\"heldDate\":\"2026-11-03\",\"partyAppeared\":true}")),
            Map.entry("POST /api/cases/{caseId}/legal-review-request",
                    o -> step(o, "legal-review-request", "{\"date\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/legal-review",
                    o -> step(o, "legal-review", "{\"outcome\":\"PASS\",\"date\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/deliberation",
                    o -> step(o, "deliberation", "{\"meetingDate\":\"2026-11-03\",\"participants\":[\"郑局长\"],\"conclusion\":\"同意\",\"minutesReference\":\"记录1号\"}")),
            Map.entry("POST /api/cases/{caseId}/extensions",
                    o -> step(o, "extensions", "{\"approvedDate\":\"2026-11-03\",\"reason\":\"复杂\"}")),
            Map.entry("POST /api/cases/{caseId}/excluded-periods",
                    o -> step(o, "excluded-periods", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-03\",\"reason\":\"鉴定\"}")),
            Map.entry("POST /api/cases/{caseId}/decision",
                    o -> step(o, "decision", "{\"decisionDate\":\"2026-11-03\"}")),
            Map.entry("POST /api/cases/{caseId}/no-penalty-decision",
                    o -> step(o, "no-penalty-decision", "{\"decisionDate\":\"2026-11-03\",\"ground\":\"NO_FAULT\",\"educationNote\":\"已教育\"}")),
            Map.entry("POST /api/cases/{caseId}/transfer",
                    o -> step(o, "transfer", "{\"date\":\"2026-11-03\",\"receivingOrgan\":\"公安机关\"}")),
            Map.entry("POST /api/cases/{caseId}/filing-cancellation",
                    o -> step(o, "filing-cancellation", "{\"date\":\"2026-11-03\",\"reason\":\"不符合立案条件\"}")),
            // notice-service, the service of the two documents (送达) and the e-service consent
            Map.entry("GET /api/deliveries/{caseId}/service-receipt",
                    o -> Call.get("/api/deliveries/" + CASES.get(o) + "/service-receipt")),
            Map.entry("GET /api/deliveries/review-queue", o -> Call.get("/api/deliveries/review-queue?flag=OVERDUE")),
            Map.entry("POST /api/deliveries/{caseId}/attempts", o -> json("POST", "/api/deliveries/" + CASES.get(o)
                    + "/attempts", "{\"method\":\"POSTAL\"}")),
            Map.entry("POST /api/deliveries/{caseId}/receipts", o -> json("POST", "/api/deliveries/" + CASES.get(o)
                    + "/receipts", "{}")),
            Map.entry("POST /api/deliveries/{caseId}/failures", o -> json("POST", "/api/deliveries/" + CASES.get(o)
                    + "/failures", "{}")),
            Map.entry("POST /api/deliveries/{caseId}/public-notice", o -> json("POST", "/api/deliveries/"
                    + CASES.get(o) + "/public-notice", "{}")),
            Map.entry("POST /api/deliveries/{caseId}/irregular-services", o -> json("POST", "/api/deliveries/"
                    + CASES.get(o) + "/irregular-services", "{}")),
            Map.entry("POST /api/deliveries/{caseId}/confirmation", o -> json("POST", "/api/deliveries/"
                    + CASES.get(o) + "/confirmation", "{}")),
            Map.entry("POST /api/deliveries/evidence", AuthorizationMatrixIT::evidenceUpload),
            Map.entry("GET /api/deliveries/consents/{uscc}", o -> Call.get("/api/deliveries/consents/" + o.uscc)),
            Map.entry("PUT /api/deliveries/consents/{uscc}", o -> json("PUT", "/api/deliveries/consents/" + o.uscc,
                    "{\"channel\":\"e-delivery-platform\",\"address\":\"matrix@edelivery.example.cn\"}")),
            // case-service, the working-day calendar: read by everyone signed in, loaded and approved by its administrators
            Map.entry("GET /api/calendar/years", o -> Call.get("/api/calendar/years")),
            Map.entry("GET /api/calendar/deadlines", o -> Call.get("/api/calendar/deadlines?rule=T2&from=2026-12-28")),
            Map.entry("POST /api/calendar/years", o -> json("POST", "/api/calendar/years", "{}")),
            Map.entry("POST /api/calendar/years/{year}/versions/{version}/approval",
                    o -> json("POST", "/api/calendar/years/2040/versions/1/approval", "{}")),
            Map.entry("DELETE /api/deliveries/consents/{uscc}",
                    o -> new Call("DELETE", "/api/deliveries/consents/" + o.uscc, null, null)))));

    /** A step of the case flow on the owner's case (a registered decision: allowed roles get past authorization). */
    static Call step(Owner o, String step, String json) {
        return new Call("POST", "/api/cases/" + CASES.get(o) + "/" + step, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }


    static Call json(String method, String path, String body) {
        return new Call(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A PNG scan of a receipt for the owner's enterprise, as a multipart upload. */
    static Call evidenceUpload(Owner o) {
        String boundary = "matrix-boundary";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uscc\"\r\n\r\n" + o.uscc
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"回证.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Call("POST", "/api/deliveries/evidence", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** The matrix revokes and re-records consents: give the later system tests the consents they start with. */
    @org.junit.jupiter.api.AfterAll
    static void restoreTheConsents() {
        RunningSystem.consentToElectronicService(RunningSystem.get().noticeService);
    }

    /** credit-service's publicity work lists, the transitional confirmation, the credit level and the positive list. */
    private static Map<String, Function<Owner, Call>> publicityAndLevelFixtures() {
        Map<String, Function<Owner, Call>> all = new java.util.HashMap<>();
        // credit-service: the publicity work lists, the legal reviewer's confirmation of a transitional record (the
        // served case's record is not transitional: 409 past authorization), the credit level and the positive list
        all.put("GET /api/publicity-records/withdrawals", o -> Call.get("/api/publicity-records/withdrawals"));
        all.put("GET /api/publicity-records/transitional", o -> Call.get("/api/publicity-records/transitional"));
        all.put("POST /api/publicity-records/{recordId}/transition-confirmation", o -> new Call("POST",
                "/api/publicity-records/" + CASES.get(o) + "/transition-confirmation", "application/json",
                "{\"note\":\"matrix\"}".getBytes(StandardCharsets.UTF_8)));
        // the USCC exception queue and the officer's confirmation (the served case's code is valid: 409 past
        // authorization)
        all.put("GET /api/cases/uscc-verifications", o -> Call.get("/api/cases/uscc-verifications"));
        all.put("POST /api/cases/{caseId}/uscc-verification", o -> new Call("POST",
                "/api/cases/" + CASES.get(o) + "/uscc-verification", "application/json",
                "{\"registryReference\":\"matrix\"}".getBytes(StandardCharsets.UTF_8)));
        // the plan-difference queue and its review (the served case's record has no difference: 409 past authorization)
        all.put("GET /api/publicity-records/plan-differences", o -> Call.get("/api/publicity-records/plan-differences"));
        all.put("POST /api/publicity-records/{recordId}/plan-review", o -> new Call("POST",
                "/api/publicity-records/" + CASES.get(o) + "/plan-review", "application/json",
                "{\"note\":\"matrix\"}".getBytes(StandardCharsets.UTF_8)));
        all.put("GET /api/enterprises/{uscc}/credit-level",
                o -> Call.get("/api/enterprises/" + o.uscc + "/credit-level"));
        all.put("PUT /api/enterprises/{uscc}/positive-list", o -> new Call("PUT",
                "/api/enterprises/" + o.uscc + "/positive-list", "application/json",
                "{\"onList\":false,\"reason\":\"授权矩阵测试\"}".getBytes(StandardCharsets.UTF_8)));
        return all;
    }

    static String decisionOf(Owner owner, String documentNumber) {
        String json = RunningSystem.example(documentNumber);
        return owner == Owner.A ? json : json.replace(Persona.USCC_A, Persona.USCC_B)
                .replace("泉州市清源化工有限公司", "泉州市丰泽蓝海印染有限公司");
    }

    @BeforeAll
    static void oneServedCaseForEachEnterprise() {
        var system = RunningSystem.get();
        Http officer = RunningSystem.http(system.caseService).as(Persona.OFFICER_LIN);
        for (Owner o : Owner.values()) {
            var posted = officer.postJson("/api/cases/decisions", decisionOf(o, "泉环罚〔2026〕" + (290 + o.ordinal()) + "号"));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            CASES.put(o, JSON.readTree(posted.body()).get("caseId").asString());
        }
        Http notice = RunningSystem.http(system.noticeService).as(Persona.OFFICER_LIN);
        Http credit = RunningSystem.http(system.creditService).as(Persona.OFFICER_LIN);
        for (Owner o : Owner.values()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> notice.get("/api/deliveries/" + CASES.get(o))
                    .statusCode() == 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(credit.get("/api/enterprises/" + o.uscc
                    + "/publicity-records").body()).get("records").size() > 0);
        }
        SEALED_PDF.set(notice.getBytes("/api/deliveries/" + CASES.get(Owner.A) + "/documents/" + CASES.get(Owner.A)
                + "-decision").body());
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (var service : RunningSystem.get().services()) {
            var mapping = service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                for (String pattern : e.getKey().getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    var methods = e.getKey().getMethodsCondition().getMethods();
                    assertThat(methods).as("%s declares its HTTP method", pattern).isNotEmpty();
                    for (var m : methods) {
                        out.add(new Endpoint(service, m.name(), pattern,
                                e.getValue().getMethodAnnotation(Access.class)));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyEndpointHasAnAccessRuleAndAFixture() {
        var endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(FIXTURES.size());
        assertThat(endpoints.stream().filter(e -> e.rule() == null).map(Endpoint::key))
                .as("endpoints without an @Access rule").isEmpty();
        assertThat(endpoints.stream().map(Endpoint::key).filter(k -> !FIXTURES.containsKey(k)))
                .as("endpoints without a line in this matrix").isEmpty();
        for (var e : endpoints) {
            if (e.rule().changesState()) {
                assertThat(Arrays.stream(e.rule().roles()).filter(Role::readOnly)).as("%s lets a read-only role "
                        + "change state", e.key()).isEmpty();
            }
            if (e.rule().scope() == Access.Scope.AGENCY) {
                assertThat(e.rule().roles()).as("%s: enterprise users only with enterprise scope", e.key())
                        .doesNotContain(Role.ENTERPRISE);
            }
        }
    }

    @Test
    void shouldLetEveryPersonaDoExactlyWhatItsRolesAllowAndLeakNothing() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (var e : endpoints()) {
            var fixture = FIXTURES.get(e.key());
            if (fixture == null || e.rule() == null) {
                continue; // reported by the test above
            }
            for (Persona p : Persona.values()) {
                for (Owner o : Owner.values()) {
                    Call call = fixture.apply(o);
                    var response = send(e, RunningSystem.http(e.service()).as(p), call);
                    calls++;
                    int expected = expected(e.rule(), p, o);
                    int got = response.statusCode();
                    boolean ok = expected == 403 ? got == 403 : got != 401 && got != 403 && got < 500;
                    if (!ok) {
                        wrong.add(String.format("%s %s as %s on %s's: expected %s, got %d %s", call.method(),
                                call.path(), p.username, o, expected == 403 ? "403" : "allowed", got,
                                abbreviate(response.body())));
                    }
                    if (expected == 403 && got == 403) {
                        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                                .startsWith("application/problem+json");
                        var problem = JSON.readTree(response.body());
                        assertThat(problem.get("titleZh").asString()).isNotBlank();
                        assertThat(problem.get("detailZh").asString()).isNotBlank();
                        assertThat(problem.get("detail").asString()).isNotBlank();
                    }
                }
            }
        }
        assertThat(wrong).as("authorization matrix, %d calls", calls).isEmpty();
        assertThat(calls).isGreaterThanOrEqualTo(FIXTURES.size() * Persona.values().length * 2);
    }

    @Test
    void shouldAnswerEveryEndpointWith401WithoutAValidToken() {
        var tokens = TestTokens.get();
        List<String> wrong = new ArrayList<>();
        for (var e : endpoints()) {
            var fixture = FIXTURES.get(e.key());
            if (fixture == null) {
                continue;
            }
            Call call = fixture.apply(Owner.A);
            Http http = RunningSystem.http(e.service());
            Map<String, Http> callers = Map.of(
                    "no token", http.anonymous(),
                    "expired token", http.withToken(tokens.expiredToken(Persona.OFFICER_LIN)),
                    "forged token", http.withToken(tokens.forgedToken(Persona.OFFICER_LIN)),
                    "garbage token", http.withToken("not-a-jwt"));
            for (var c : callers.entrySet()) {
                var response = send(e, c.getValue(), call);
                if (response.statusCode() != 401
                        || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        || response.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    wrong.add(e.key() + " with " + c.getKey() + ": " + response.statusCode() + " "
                            + abbreviate(response.body()));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldListEveryTokenExemptEndpointAndRefuseItsUnsignedCalls() {
        List<String> unlisted = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var service : RunningSystem.get().services()) {
            var mapping = service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/") || OPEN_HANDLER_PREFIXES.stream().anyMatch(pattern::startsWith)) {
                        continue;
                    }
                    for (var m : info.getMethodsCondition().getMethods()) {
                        Call call = TOKEN_EXEMPT.get(m.name() + " " + pattern);
                        if (call == null) {
                            unlisted.add(m.name() + " " + pattern);
                            continue;
                        }
                        var response = send(new Endpoint(service, m.name(), pattern, null),
                                RunningSystem.http(service).anonymous(), call);
                        if (response.statusCode() != 401 || !response.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json")) {
                            wrong.add(call.path() + " unsigned: " + response.statusCode() + " "
                                    + abbreviate(response.body()));
                        }
                    }
                }
            }
        }
        assertThat(unlisted).as("handlers outside /api/** that are not listed as token-exempt").isEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldKeepProbesAndTheApiDescriptionOpen() {
        for (var service : RunningSystem.get().services()) {
            Http http = RunningSystem.http(service).anonymous();
            assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            var docs = http.get("/v3/api-docs");
            assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
            assertThat(JSON.readTree(docs.body()).get("paths").propertyNames()).anyMatch(p -> p.startsWith("/api/"));
        }
    }

    /** 403, or 0 for "allowed past authorization". */
    static int expected(Access rule, Persona p, Owner o) {
        Set<Role> roles = p.roles.stream().map(Role::valueOf).collect(Collectors.toSet());
        boolean roleOk = Arrays.stream(rule.roles()).anyMatch(r -> roles.contains(r) && !(rule.changesState() && r.readOnly()));
        if (!roleOk) {
            return 403;
        }
        boolean agencyStaff = roles.stream().anyMatch(Role::agencyStaff);
        if (rule.scope() == Access.Scope.ENTERPRISE && !agencyStaff && !p.usccs.contains(o.uscc)) {
            return 403;
        }
        return 0;
    }

    static HttpResponse<String> send(Endpoint e, Http http, Call call) {
        return http.send(call.method(), call.path(), call.contentType(), call.body());
    }

    static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
