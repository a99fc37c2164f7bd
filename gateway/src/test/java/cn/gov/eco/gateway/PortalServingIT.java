package cn.gov.eco.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's files from the {@code portal} module's jar at {@code /portal/}, its configuration, and its token
 * requests passed to the authorization server (a stub here) unchanged.
 */
class PortalServingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static StubBackend authServer;
    private static ConfigurableApplicationContext gateway;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        authServer = new StubBackend("auth-server");
        gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .run("--server.port=0",
                        "--portal.auth-server-url=https://id.example.gov.cn/",
                        "--portal.token-endpoint=" + authServer.url() + "/oauth2/token");
        baseUrl = "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (authServer != null) {
            authServer.close();
        }
    }

    @Test
    void shouldServeThePortalPagesInChineseAtPortalAndSendTheRootThere() {
        var index = get("/portal/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(index.body()).contains("<html lang=\"zh-CN\">").contains("生态环境执法与信用修复门户");

        assertThat(get("/portal").statusCode()).isEqualTo(302);
        assertThat(get("/portal").headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/portal/"));
        assertThat(get("/").headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/portal/"));

        for (String file : new String[]{"/portal/callback.html", "/portal/js/app.js", "/portal/js/auth.js",
                "/portal/css/portal.css"}) {
            var response = get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(file).hasValue("no-cache");
        }
        assertThat(get("/portal/js/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("javascript"));
        assertThat(get("/portal/no-such-page.html").statusCode()).isEqualTo(404);
    }

    /** Issue 16, row 8: the portal is served with a policy that forbids anything but its own files. */
    @Test
    void shouldSendTheUsualSecurityHeadersWithThePortal() {
        for (String path : new String[]{"/portal/", "/portal/callback.html", "/portal/js/app.js", "/portal/config.json",
                "/portal/no-such-page.html"}) {
            var headers = get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(v -> assertThat(v)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                    .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(get("/portal/callback.html").body()).as("no inline script for the policy to block")
                .doesNotContain("<script type=\"module\">");
    }

    @Test
    void shouldTellThePortalWhereToSignInAndWhichClientItIs() {
        var response = get("/portal/config.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode config = JSON.readTree(response.body());
        assertThat(config.get("clientId").asString()).isEqualTo("portal");
        assertThat(config.get("authorizationEndpoint").asString()).isEqualTo("https://id.example.gov.cn/oauth2/authorize");
        assertThat(config.get("endSessionEndpoint").asString()).isEqualTo("https://id.example.gov.cn/connect/logout");
        assertThat(config.get("tokenEndpoint").asString()).isEqualTo("/portal/oauth2/token");
    }

    @Test
    void shouldPassTheTokenRequestFormToTheAuthorizationServersTokenEndpointUnchanged() {
        authServer.answer(r -> StubBackend.Reply.json(200, "{\"access_token\":\"a\",\"refresh_token\":\"r2\"}"));
        String form = "grant_type=refresh_token&client_id=portal&refresh_token=r1%2Bx";
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/portal/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("refresh_token").asString()).isEqualTo("r2");
        var got = authServer.receivedAt("/oauth2/token");
        assertThat(got).hasSize(1);
        assertThat(got.getFirst().method()).isEqualTo("POST");
        assertThat(got.getFirst().body()).isEqualTo(form);
        // only POST: nothing else reaches the token endpoint through the portal's path
        assertThat(get("/portal/oauth2/token").statusCode()).isNotEqualTo(200);
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
