package cn.gov.eco.notice.channel;

import cn.gov.eco.contracts.callback.HmacSignature;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.notice.channel.infrastructure.ElectronicChannelConfiguration;
import cn.gov.eco.simulator.edelivery.EDeliverySimulator;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The channel inside the running notice-service: the adapter bean built from notice-service.yml's Resilience4j
 * instances and visible on the actuator, the simulated platform over real HTTP, and the platform's signed callback
 * reaching {@link ElectronicArrivals} (a recording double, primary over the delivery feature's own when that exists)
 * — or refused with 401 and nothing recorded.
 */
class ElectronicChannelIT {

    private static final String SECRET = "channel-it-secret-0123456789";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> ARRIVALS = new CopyOnWriteArrayList<>();
    private static EDeliverySimulator simulator;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        simulator = new EDeliverySimulator(new EDeliverySimulator.Settings(0, SECRET, URI.create("http://127.0.0.1:9/"),
                Duration.ofMillis(50), 3, Duration.ofMillis(200))).start();
        ElectronicArrivals recording = (deliveryId, messageId, arrivedAt) ->
                ARRIVALS.add(deliveryId + "|" + messageId + "|" + arrivedAt);
        app = new SpringApplicationBuilder(NoticeServiceApplication.class)
                .properties("spring.config.name=" + NoticeServiceApplication.CONFIG_NAME)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("recordingArrivals",
                        ElectronicArrivals.class, () -> recording, bd -> bd.setPrimary(true)))
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=channel-it-" + RUN,
                        "--spring.kafka.consumer.group-id=channel-it-" + RUN,
                        "--notice.seal.dev-keystore-dir=target/notice-seal-it-" + RUN,
                        "--notice.edelivery.base-url=" + simulator.baseUrl(),
                        "--notice.edelivery.secret=" + SECRET));
        simulator.callbackUrl(URI.create("http://127.0.0.1:" + port() + ElectronicChannelConfiguration.CALLBACK_PATH));
    }

    @AfterAll
    static void stop() {
        app.close();
        simulator.close();
    }

    @BeforeEach
    void clean() {
        ARRIVALS.clear();
        simulator.reset();
    }

    static int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void shouldRecordTheArrivalThatThePlatformCallsBackAfterTakingBothDocuments() {
        var dispatch = HttpElectronicDeliveryChannelTest.dispatch("it-" + UUID.randomUUID());
        ChannelSubmission submission = app.getBean(ElectronicDeliveryChannel.class).send(dispatch);
        await().atMost(Duration.ofSeconds(10)).until(() -> ARRIVALS.size() == 1);
        String[] arrival = ARRIVALS.getFirst().split("\\|");
        assertThat(arrival[0]).isEqualTo(dispatch.deliveryId());
        assertThat(arrival[1]).isEqualTo(submission.platformMessageId());
        assertThat(Instant.parse(arrival[2])).isAfter(submission.acceptedAt());
        assertThat(simulator.counters().get("callbacksSent")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnsignedForgedOrStaleCallbackWith401AndRecordNothing() throws Exception {
        byte[] body = receipt("forged-1");
        long now = Instant.now().getEpochSecond();
        var unsigned = callback(body, null, null);
        var forged = callback(body, Long.toString(now),
                new HmacSignature("not-the-shared-secret-at-all").sign(now, body));
        long old = now - 3600;
        var stale = callback(body, Long.toString(old), new HmacSignature(SECRET).sign(old, body));
        var tampered = callback(receipt("forged-2"), Long.toString(now), new HmacSignature(SECRET).sign(now, body));
        for (var r : List.of(unsigned, forged, stale, tampered)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
            var problem = JSON.readTree(r.body());
            assertThat(problem.get("titleZh").asString()).isEqualTo("未认证");
            assertThat(problem.get("detailZh").asString()).isNotBlank();
        }
        assertThat(JSON.readTree(unsigned.body()).get("rule").asString()).isEqualTo("CALLBACK_SIGNATURE_MISSING");
        assertThat(JSON.readTree(stale.body()).get("rule").asString()).isEqualTo("CALLBACK_SIGNATURE_STALE");
        assertThat(ARRIVALS).isEmpty();
    }

    @Test
    void shouldAnswerASignedButMalformedReceiptWithAProblemNamingTheField() throws Exception {
        byte[] body = "{\"deliveryId\":\"x\",\"platformMessageId\":\"EDM-1\",\"arrivedAt\":\"yesterday\"}"
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        var r = callback(body, Long.toString(now), new HmacSignature(SECRET).sign(now, body));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("arrivedAt");
        assertThat(ARRIVALS).isEmpty();
    }

    @Test
    void shouldShowTheChannelsGuardsOnTheActuatorToASignedInUserOnly() {
        Http http = Http.localhost(port());
        for (String endpoint : List.of("circuitbreakers", "retries", "timelimiters", "bulkheads", "ratelimiters")) {
            var r = http.as(Persona.OFFICER_LIN).get("/actuator/" + endpoint);
            assertThat(r.statusCode()).as(endpoint).isEqualTo(200);
            assertThat(r.body()).as(endpoint).contains("edelivery");
            assertThat(http.anonymous().get("/actuator/" + endpoint).statusCode()).isEqualTo(401);
        }
        var breaker = JSON.readTree(Http.localhost(port()).as(Persona.OFFICER_LIN).get("/actuator/circuitbreakers").body());
        assertThat(breaker.at("/circuitBreakers/edelivery/state").asString()).isEqualTo("CLOSED");
    }

    private static byte[] receipt(String deliveryId) {
        return ("{\"deliveryId\":\"" + deliveryId + "\",\"platformMessageId\":\"EDM-1\",\"arrivedAt\":\""
                + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> callback(byte[] body, String ts, String sig) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + ElectronicChannelConfiguration.CALLBACK_PATH))
                .header("Content-Type", "application/json");
        if (ts != null) {
            b.header(HmacSignature.TIMESTAMP_HEADER, ts).header(HmacSignature.SIGNATURE_HEADER, sig);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
