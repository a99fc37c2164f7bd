package cn.gov.eco.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The token endpoint as scripts and dashboards use it: the password grant for every demo account, its failures, and
 * client credentials for the dashboard. Every token is checked against the key published at {@code /oauth2/jwks}.
 */
class TokenGrantsIT {

    private static final String AGENCY = "泉州市生态环境局";
    private static RunningAuthServer server;

    @BeforeAll
    static void start() {
        server = RunningAuthServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** username, name, roles, uscc (null = claim absent), legal_qualified (null = claim absent), agency (null = absent). */
    static Stream<Arguments> demoAccounts() {
        return Stream.of(
                Arguments.of("officer-lin", "林志远", List.of("OFFICER"), null, null, AGENCY),
                Arguments.of("officer-chen", "陈晓东", List.of("OFFICER"), null, null, AGENCY),
                Arguments.of("case-reviewer", "黄丽华", List.of("CASE_REVIEWER"), null, null, AGENCY),
                Arguments.of("legal-reviewer", "王律", List.of("LEGAL_REVIEWER"), null, true, AGENCY),
                Arguments.of("legal-trainee", "张见习", List.of("LEGAL_REVIEWER"), null, false, AGENCY),
                Arguments.of("agency-head", "郑局长", List.of("AGENCY_HEAD"), null, null, AGENCY),
                Arguments.of("hearing-host", "刘听证", List.of("HEARING_HOST"), null, null, AGENCY),
                Arguments.of("credit-reviewer", "周信用", List.of("CREDIT_REVIEWER"), null, null, AGENCY),
                Arguments.of("auditor", "吴监督", List.of("AUDITOR"), null, null, AGENCY),
                Arguments.of("enterprise-a", "陈建国", List.of("ENTERPRISE"), List.of("91350500MA2Y0001XX"), null, null),
                Arguments.of("enterprise-b", "李海燕", List.of("ENTERPRISE"), List.of("91350503MA2Y000289"), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoAccounts")
    void shouldIssueASignedAccessTokenCarryingTheAccountsClaimsForThePasswordGrant(
            String username, String name, List<String> roles, List<String> uscc, Boolean legalQualified, String agency) {
        var response = server.passwordGrant(username, "demo");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningAuthServer.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(3590L, 3600L);
        Map<String, Object> claims = server.verifiedClaims(body.get("access_token").asString());
        assertThat(claims).containsEntry("sub", username)
                .containsEntry("preferred_username", username)
                .containsEntry("name", name)
                .containsEntry("roles", roles)
                .containsEntry("iss", server.baseUrl);
        if (uscc == null) {
            assertThat(claims).doesNotContainKey("uscc");
        } else {
            assertThat(claims).containsEntry("uscc", uscc);
        }
        if (legalQualified == null) {
            assertThat(claims).doesNotContainKey("legal_qualified");
        } else {
            assertThat(claims).containsEntry("legal_qualified", legalQualified);
        }
        if (agency == null) {
            assertThat(claims).doesNotContainKey("agency");
        } else {
            assertThat(claims).containsEntry("agency", agency);
        }
    }

    @Test
    void shouldAddAnIdTokenAndAnswerUserinfoWhenThePasswordGrantAsksForOpenid() {
        var response = server.token("cli", "cli-secret", Map.of("grant_type", "password", "username", "enterprise-b",
                "password", "demo", "scope", "openid"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningAuthServer.json(response);
        Map<String, Object> id = server.verifiedClaims(body.get("id_token").asString());
        assertThat(id).containsEntry("sub", "enterprise-b").containsEntry("aud", List.of("cli"))
                .containsEntry("uscc", List.of("91350503MA2Y000289"));
        var userInfo = RunningAuthServer.send(java.net.http.HttpClient.newHttpClient(), java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(server.baseUrl + "/userinfo"))
                .header("Authorization", "Bearer " + body.get("access_token").asString()).GET().build());
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode info = RunningAuthServer.json(userInfo);
        assertThat(info.get("name").asString()).isEqualTo("李海燕");
        assertThat(info.get("uscc").get(0).asString()).isEqualTo("91350503MA2Y000289");
    }

    @Test
    void shouldIssueNoIdTokenWithoutTheOpenidScopeAndRefuseAScopeTheClientDoesNotHave() {
        var plain = server.passwordGrant("auditor", "demo");
        assertThat(RunningAuthServer.json(plain).has("id_token")).isFalse();

        var foreign = server.token("cli", "cli-secret", Map.of("grant_type", "password", "username", "auditor",
                "password", "demo", "scope", "openid cases.write"));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(RunningAuthServer.json(foreign).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void shouldAnswerInvalidGrantForAWrongPasswordAndForAnUnknownUserAlike() {
        var wrongPassword = server.passwordGrant("officer-lin", "not-demo");
        var unknownUser = server.passwordGrant("nobody", "demo");

        for (var response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(RunningAuthServer.json(response).get("error").asString()).isEqualTo("invalid_grant");
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    void shouldRejectThePasswordGrantWithoutTheClientSecretOrWithMissingParameters() {
        var badSecret = server.token("cli", "wrong", Map.of("grant_type", "password", "username", "officer-lin",
                "password", "demo"));
        assertThat(badSecret.statusCode()).as(badSecret.body()).isEqualTo(401);
        assertThat(RunningAuthServer.json(badSecret).get("error").asString()).isEqualTo("invalid_client");

        var noPassword = server.token("cli", "cli-secret", Map.of("grant_type", "password", "username", "officer-lin"));
        assertThat(noPassword.statusCode()).as(noPassword.body()).isEqualTo(400);
        assertThat(RunningAuthServer.json(noPassword).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void shouldNotLetTheDashboardClientUseThePasswordGrant() {
        var response = server.token("dashboard", "dashboard-secret", Map.of("grant_type", "password",
                "username", "auditor", "password", "demo"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RunningAuthServer.json(response).get("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void shouldIssueTheDashboardAReadOnlyTokenForClientCredentials() {
        var response = server.token("dashboard", "dashboard-secret", Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningAuthServer.json(response);
        assertThat(body.has("refresh_token")).isFalse();
        Map<String, Object> claims = server.verifiedClaims(body.get("access_token").asString());
        assertThat(claims).containsEntry("sub", "dashboard")
                .containsEntry("roles", List.of("DASHBOARD"))
                .doesNotContainKeys("uscc", "legal_qualified", "agency");
        assertThat((Date) claims.get("exp")).isAfter((Date) claims.get("iat"));
    }

    @Test
    void shouldNotIssueClientCredentialsTokensToTheCliClient() {
        var response = server.token("cli", "cli-secret", Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RunningAuthServer.json(response).get("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void shouldPublishTheDiscoveryDocumentWithTheIssuerItSignsWith() {
        var response = server.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = RunningAuthServer.json(response);
        assertThat(discovery.get("issuer").asString()).isEqualTo(server.baseUrl);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(server.baseUrl + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(server.baseUrl + "/oauth2/token");
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(server.baseUrl + "/oauth2/authorize");
        JsonNode keys = RunningAuthServer.json(server.get("/oauth2/jwks")).get("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(keys.get(0).has("d")).as("the private exponent must never be published").isFalse();
    }

    @Test
    void shouldReportReadyWithoutAToken() {
        var readiness = server.get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(RunningAuthServer.json(readiness).get("status").asString()).isEqualTo("UP");
    }
}
