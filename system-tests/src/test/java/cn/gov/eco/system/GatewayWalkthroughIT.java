package cn.gov.eco.system;

import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README walkthrough as a person runs it: real tokens from the embedded authorization server (the documented
 * curl calls: password grant of the {@code cli} client, client credentials of the {@code dashboard} client), every
 * call through the gateway.
 */
class GatewayWalkthroughIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static RunningSystem system;
    private static Http gateway;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        gateway = RunningSystem.http(system.gateway);
    }

    /** {@code curl -s -u cli:cli-secret -d grant_type=password -d username=… -d password=demo …/oauth2/token}. */
    static String passwordToken(String username) throws Exception {
        return token("cli:cli-secret", "grant_type=password&username=" + username + "&password=demo");
    }

    static String token(String client, String form) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(URI.create(RunningSystem.baseUrl(RunningSystem.get().authServer)
                        + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    @Test
    void shouldRunTheReadmeWalkthroughThroughTheGatewayWithRealTokens() throws Exception {
        Http officer = gateway.withToken(passwordToken("officer-lin"));
        var posted = officer.postJson("/api/cases/decisions", RunningSystem.example("泉环罚〔2026〕401号"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String caseId = JSON.readTree(posted.body()).get("caseId").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> LifecycleSliceIT.served(officer, caseId));
        JsonNode delivery = JSON.readTree(officer.get("/api/deliveries/" + caseId).body());
        assertThat(delivery.get("conforming").asBoolean()).isTrue();
        assertThat(delivery.get("documents")).hasSize(2);

        // the enterprise reads its own documents and records, with its own login
        Http enterpriseA = gateway.withToken(passwordToken("enterprise-a"));
        for (JsonNode link : delivery.get("documents")) {
            var pdf = enterpriseA.getBytes(link.get("href").asString());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(enterpriseA
                .get("/api/enterprises/" + Persona.USCC_A + "/publicity-records").body()).get("records").valueStream()
                .anyMatch(r -> caseId.equals(r.get("caseId").asString())));
        assertThat(enterpriseA.get("/api/cases/" + caseId).statusCode()).isEqualTo(200);

        // the other enterprise sees nothing of it
        Http enterpriseB = gateway.withToken(passwordToken("enterprise-b"));
        assertThat(enterpriseB.get("/api/cases/" + caseId).statusCode()).isEqualTo(403);
        assertThat(enterpriseB.get("/api/deliveries/" + caseId).statusCode()).isEqualTo(403);
        var denied = enterpriseB.get("/api/enterprises/" + Persona.USCC_A + "/publicity-records");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).get("rule").asString()).isEqualTo("ENTERPRISE_SCOPE");

        // an enterprise cannot record decisions; the dashboard client reads topics, not cases
        assertThat(enterpriseA.postJson("/api/cases/decisions", RunningSystem.example("泉环罚〔2026〕402号"))
                .statusCode()).isEqualTo(403);
        Http dashboard = gateway.withToken(token("dashboard:dashboard-secret", "grant_type=client_credentials"));
        assertThat(dashboard.get("/api/cases/" + caseId).statusCode()).isEqualTo(403);

        // no token: 401 with the bearer challenge, through the gateway
        var anonymous = gateway.anonymous().get("/api/cases/" + caseId);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
    }

    @Test
    void shouldServeEachServicesOpenApiDocumentThroughTheGateway() {
        for (String service : new String[]{"case-service", "notice-service", "credit-service"}) {
            var docs = gateway.anonymous().get("/openapi/" + service);
            assertThat(docs.statusCode()).as(service + ": " + docs.body()).isEqualTo(200);
            assertThat(JSON.readTree(docs.body()).get("openapi").asString()).startsWith("3.");
        }
    }
}
