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
    private static final Map<String, Function<Owner, Call>> FIXTURES = new java.util.HashMap<>(Map.of(
            "POST /api/cases/decisions", o -> new Call("POST", "/api/cases/decisions", "application/json",
                    decisionOf(o, "泉环罚〔2026〕" + NUMBERS.incrementAndGet() + "号").getBytes(StandardCharsets.UTF_8)),
            "GET /api/cases/{caseId}", o -> Call.get("/api/cases/" + CASES.get(o)),
            "GET /api/cases/{caseId}/record", o -> Call.get("/api/cases/" + CASES.get(o) + "/record"),
            "GET /api/cases/{caseId}/record/verification",
            o -> Call.get("/api/cases/" + CASES.get(o) + "/record/verification"),
            "GET /api/deliveries/{caseId}", o -> Call.get("/api/deliveries/" + CASES.get(o)),
            "GET /api/deliveries/{caseId}/documents/{documentId}",
            o -> Call.get("/api/deliveries/" + CASES.get(o) + "/documents/" + CASES.get(o) + "-notice"),
            "GET /api/deliveries/seal-certificate", o -> Call.get("/api/deliveries/seal-certificate"),
            "POST /api/deliveries/verifications", o -> new Call("POST", "/api/deliveries/verifications",
                    "application/pdf", SEALED_PDF.get()),
            "GET /api/enterprises/{uscc}/publicity-records",
            o -> Call.get("/api/enterprises/" + o.uscc + "/publicity-records")));

    static {
        // credit-service: the publicity work lists, the legal reviewer's confirmation of a transitional record (the
        // served case's record is not transitional: 409 past authorization), the credit level and the positive list
        FIXTURES.put("GET /api/publicity-records/withdrawals", o -> Call.get("/api/publicity-records/withdrawals"));
        FIXTURES.put("GET /api/publicity-records/transitional", o -> Call.get("/api/publicity-records/transitional"));
        FIXTURES.put("POST /api/publicity-records/{recordId}/transition-confirmation", o -> new Call("POST",
                "/api/publicity-records/" + CASES.get(o) + "/transition-confirmation", "application/json",
                "{\"note\":\"matrix\"}".getBytes(StandardCharsets.UTF_8)));
        FIXTURES.put("GET /api/enterprises/{uscc}/credit-level",
                o -> Call.get("/api/enterprises/" + o.uscc + "/credit-level"));
        FIXTURES.put("PUT /api/enterprises/{uscc}/positive-list", o -> new Call("PUT",
                "/api/enterprises/" + o.uscc + "/positive-list", "application/json",
                "{\"onList\":false,\"reason\":\"授权矩阵测试\"}".getBytes(StandardCharsets.UTF_8)));
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
