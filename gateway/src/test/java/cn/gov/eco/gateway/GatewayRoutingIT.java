package cn.gov.eco.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in this JVM on a random port, its three services replaced by local stubs: each route reaches the right
 * service with the path, query and {@code Authorization} header unchanged; nothing is retried; a service that is down
 * or slow is answered with problem+json.
 */
class GatewayRoutingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BEARER = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvZmZpY2VyLWxpbiJ9.c2lnbmF0dXJl";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static StubBackend caseService;
    private static StubBackend noticeService;
    private static StubBackend creditService;
    private static ConfigurableApplicationContext gateway;
    private static String baseUrl;
    private static int gatewayPort;

    @BeforeAll
    static void start() throws IOException {
        caseService = new StubBackend("case-service");
        noticeService = new StubBackend("notice-service");
        creditService = new StubBackend("credit-service");
        gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .run("--server.port=0",
                        "--gateway.services.case-service=" + caseService.url(),
                        "--gateway.services.notice-service=" + noticeService.url(),
                        "--gateway.services.credit-service=" + creditService.url(),
                        "--spring.http.clients.read-timeout=2s");
        gatewayPort = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        baseUrl = "http://localhost:" + gatewayPort;
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        for (var backend : new StubBackend[] {caseService, noticeService, creditService}) {
            if (backend != null) {
                backend.close();
            }
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        for (var backend : new StubBackend[] {caseService, noticeService, creditService}) {
            backend.received.clear();
            backend.answer(r -> StubBackend.Reply.json(200, "{\"backend\":\"" + backend.name + "\"}"));
        }
    }

    @Test
    void shouldRouteEachApiPathToItsServiceWithPathQueryAndAuthorizationUnchanged() {
        record Case(String path, StubBackend expected) { }
        var cases = new Case[] {
                new Case("/api/cases/decisions", caseService),
                new Case("/api/cases/9f1c2e/legal-review", caseService),
                new Case("/api/deliveries/9f1c2e", noticeService),
                new Case("/api/enterprises/91350500MA2Y0001XX/publicity-records", creditService),
                new Case("/api/repair-applications", creditService)};
        for (Case c : cases) {
            var response = send(HttpRequest.newBuilder(URI.create(baseUrl + c.path() + "?page=2&q=%E6%B8%85%E6%BA%90"))
                    .header("Authorization", BEARER).GET());

            assertThat(response.statusCode()).as(c.path()).isEqualTo(200);
            assertThat(json(response).get("backend").asString()).as(c.path()).isEqualTo(c.expected().name);
            var got = c.expected().receivedAt(c.path());
            assertThat(got).as(c.path()).hasSize(1);
            assertThat(got.getFirst().rawQuery()).isEqualTo("page=2&q=%E6%B8%85%E6%BA%90");
            assertThat(got.getFirst().header("Authorization")).isEqualTo(BEARER);
        }
        // nothing went to the wrong service
        assertThat(caseService.received).hasSize(2);
        assertThat(noticeService.received).hasSize(1);
        assertThat(creditService.received).hasSize(2);
    }

    @Test
    void shouldPassAPostsBodyAndAuthorizationThroughAndSetForwardedHeaders() {
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/cases/decisions"))
                .header("Authorization", BEARER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"documentNumber\":\"泉环罚〔2026〕201号\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        var got = caseService.receivedAt("/api/cases/decisions").getFirst();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.body()).isEqualTo("{\"documentNumber\":\"泉环罚〔2026〕201号\"}");
        assertThat(got.header("Authorization")).isEqualTo(BEARER);
        assertThat(got.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(got.header("X-Forwarded-Host")).isEqualTo("localhost:" + gatewayPort);
        assertThat(got.header("X-Forwarded-Port")).isEqualTo(Integer.toString(gatewayPort));
        assertThat(got.header("X-Forwarded-For")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    /** Each service's stuck-work queue (issue 16) under the service's name, to the service's own path. */
    @Test
    void shouldRouteEachServicesStuckWorkQueueToItsOwnOperationsPath() {
        for (var backend : new StubBackend[] {caseService, noticeService, creditService}) {
            backend.answer(r -> StubBackend.Reply.json(200, "[]"));
            var list = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/operations/" + backend.name + "/stuck"))
                    .header("Authorization", BEARER).GET());
            var replay = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/operations/" + backend.name
                    + "/stuck/dlt:enforcement.case.v1-0@7/replay")).header("Authorization", BEARER)
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(list.statusCode()).as(backend.name).isEqualTo(200);
            assertThat(replay.statusCode()).as(backend.name).isEqualTo(200);
            assertThat(backend.received).extracting(StubBackend.Received::path).containsExactly(
                    "/api/operations/stuck", "/api/operations/stuck/dlt:enforcement.case.v1-0@7/replay");
        }
    }

    @Test
    void shouldServeEachServicesOpenApiDocumentFromItsApiDocsPath() {
        for (var backend : new StubBackend[] {caseService, noticeService, creditService}) {
            backend.answer(r -> StubBackend.Reply.json(200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + backend.name + "\"}}"));

            var response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/openapi/" + backend.name)).GET());

            assertThat(response.statusCode()).as(backend.name).isEqualTo(200);
            assertThat(json(response).at("/info/title").asString()).isEqualTo(backend.name);
            assertThat(backend.received).extracting(StubBackend.Received::path).containsExactly("/v3/api-docs");
        }
    }

    @Test
    void shouldSendAPostThatTheServiceFailsWith503ExactlyOnceAndPassTheAnswerOn() {
        creditService.answer(r -> StubBackend.Reply.json(503, "{\"title\":\"busy\"}"));

        var response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/repair-applications"))
                .header("Authorization", BEARER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"uscc\":\"91350500MA2Y0001XX\"}")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("title").asString()).isEqualTo("busy");
        assertThat(creditService.receivedAt("/api/repair-applications")).hasSize(1);
    }

    @Test
    void shouldNotRepeatAPostWhoseConnectionTheServiceDroppedWithoutAnAnswer() throws Exception {
        // a service that reads the request and closes the connection: the classic case for a silent client retry
        try (var dropping = new ServerSocket(0)) {
            AtomicInteger requests = new AtomicInteger();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!dropping.isClosed()) {
                    try (Socket s = dropping.accept()) {
                        readHeaders(s.getInputStream());
                        requests.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            try (var other = new SpringApplicationBuilder(GatewayApplication.class)
                    .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                    .run("--server.port=0", "--spring.jmx.enabled=false",
                            "--gateway.services.case-service=http://127.0.0.1:" + dropping.getLocalPort())) {
                String url = "http://localhost:" + other.getEnvironment().getProperty("local.server.port");

                var response = send(HttpRequest.newBuilder(URI.create(url + "/api/cases/decisions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

                assertThat(response.statusCode()).isEqualTo(502);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                // a retry, if any, would be on its way within this time: the count must stay at one throughout
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(requests.get()).isEqualTo(1));
            } finally {
                dropping.close();
                acceptor.join(5_000);
            }
        }
    }

    @Test
    void shouldAnswerProblemJsonInChineseAndEnglishWhenAServiceIsDown() throws IOException {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (var other = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        "--gateway.services.notice-service=http://127.0.0.1:" + closedPort)) {
            String url = "http://localhost:" + other.getEnvironment().getProperty("local.server.port");

            var response = send(HttpRequest.newBuilder(URI.create(url + "/api/deliveries/9f1c2e"))
                    .header("Authorization", BEARER).GET());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.get("type").asString()).isEqualTo("urn:cn.gov.eco:problem:upstream-unreachable");
            assertThat(problem.get("status").asInt()).isEqualTo(502);
            assertThat(problem.get("title").asString()).isEqualTo("Service unreachable");
            assertThat(problem.get("titleZh").asString()).isEqualTo("服务暂时无法访问");
            assertThat(problem.get("detail").asString()).contains("notice-service");
            assertThat(problem.get("detailZh").asString()).contains("notice-service");
            assertThat(problem.get("service").asString()).isEqualTo("notice-service");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/deliveries/9f1c2e");
        }
    }

    @Test
    void shouldAnswer504ProblemJsonWhenAServiceDoesNotAnswerWithinTheReadTimeout() {
        caseService.answer(r -> new StubBackend.Reply(200, "application/json", "{}", 4_000));

        long t0 = System.nanoTime();
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/cases/slow")).GET());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:cn.gov.eco:problem:upstream-timeout");
        assertThat(json(response).get("titleZh").asString()).isEqualTo("服务响应超时");
        assertThat(took).isLessThan(Duration.ofMillis(3_800));
        assertThat(caseService.receivedAt("/api/cases/slow")).hasSize(1);
    }

    @Test
    void shouldNotRouteOtherPathsAndShouldReportReady() {
        var unknown = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/unknown")).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(caseService.received).isEmpty();
        assertThat(noticeService.received).isEmpty();
        assertThat(creditService.received).isEmpty();

        var readiness = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).GET());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
