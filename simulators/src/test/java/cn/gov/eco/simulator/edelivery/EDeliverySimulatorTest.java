package cn.gov.eco.simulator.edelivery;

import cn.gov.eco.contracts.callback.HmacSignature;
import cn.gov.eco.simulator.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulated e-delivery platform over real HTTP: signatures, idempotency, signed callbacks and the faults. */
class EDeliverySimulatorTest {

    private static final String SECRET = "simulator-test-secret-0123456789";
    private static final HmacSignature SIGNER = new HmacSignature(SECRET);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Map.Entry<Map<String, String>, byte[]>> callbacks = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private EDeliverySimulator simulator;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/arrivals", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            callbacks.add(Map.entry(Map.of(
                    "ts", ex.getRequestHeaders().getFirst(HmacSignature.TIMESTAMP_HEADER),
                    "sig", ex.getRequestHeaders().getFirst(HmacSignature.SIGNATURE_HEADER)), body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        simulator = new EDeliverySimulator(new EDeliverySimulator.Settings(0, SECRET,
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/arrivals"),
                Duration.ofMillis(50), 3, Duration.ofMillis(100))).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop(0);
    }

    @Test
    void shouldTakeASignedMessageOnceAndCallBackASignedArrivalReceipt() throws Exception {
        var first = send("d-1", true);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        var again = send("d-1", true);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode a = Json.read(first.body().getBytes(StandardCharsets.UTF_8));
        JsonNode b = Json.read(again.body().getBytes(StandardCharsets.UTF_8));
        assertThat(b.get("messageId").asText()).isEqualTo(a.get("messageId").asText());
        assertThat(b.get("duplicate").asBoolean()).isTrue();
        assertThat(simulator.receivedDeliveryIds()).containsExactly("d-1");
        assertThat(simulator.message("d-1").orElseThrow().documents()).extracting(EDeliverySimulator.StoredDocument::kind)
                .containsExactly("PENALTY_DECISION", "REPAIR_RIGHTS_NOTICE");

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.counters().get("callbacksSent") == 1);
        assertThat(callbacks).hasSize(1);
        var cb = callbacks.getFirst();
        assertThat(SIGNER.verify(cb.getKey().get("ts"), cb.getKey().get("sig"), cb.getValue(), Instant.now(),
                Duration.ofMinutes(1))).isEqualTo(HmacSignature.Verdict.VALID);
        JsonNode receipt = Json.read(cb.getValue());
        assertThat(receipt.get("deliveryId").asText()).isEqualTo("d-1");
        assertThat(receipt.get("platformMessageId").asText()).isEqualTo(a.get("messageId").asText());
        assertThat(Instant.parse(receipt.get("arrivedAt").asText()))
                .isAfter(Instant.parse(a.get("acceptedAt").asText()));
        assertThat(simulator.counters().get("duplicates")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnsignedOrWronglySignedMessageAndStoreNothing() throws Exception {
        assertThat(send("d-2", false).statusCode()).isEqualTo(401);
        byte[] body = message("d-2");
        long ts = Instant.now().getEpochSecond();
        var forged = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve(EDeliverySimulator.MESSAGES_PATH))
                .header(EDeliverySimulator.IDEMPOTENCY_HEADER, "d-2")
                .header(HmacSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(HmacSignature.SIGNATURE_HEADER, new HmacSignature("another-secret-0123456789").sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(simulator.receivedDeliveryIds()).isEmpty();
        assertThat(simulator.counters().get("unsigned")).isEqualTo(2);
    }

    @Test
    void shouldFailWhileToldToAndTakeMessagesAgainWhenHealed() throws Exception {
        simulator.faults().fail(503);
        assertThat(send("d-3", true).statusCode()).isEqualTo(503);
        assertThat(simulator.receivedDeliveryIds()).isEmpty();
        simulator.faults().heal();
        assertThat(send("d-3", true).statusCode()).isEqualTo(202);
        assertThat(simulator.counters().get("failedByFault")).isEqualTo(1);
    }

    @Test
    void shouldCountADroppedCallbackAndNeverSendIt() throws Exception {
        simulator.faults().dropCallbacks(true);
        assertThat(send("d-4", true).statusCode()).isEqualTo(202);
        assertThat(simulator.counters().get("callbacksDropped")).isEqualTo(1);
        assertThat(simulator.counters().get("messagesAccepted")).isEqualTo(1);
        // a message sent afterwards, with callbacks healed, is called back: the dropped one never is
        simulator.faults().dropCallbacks(false);
        assertThat(send("d-5", true).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.counters().get("callbacksSent") == 1);
        assertThat(callbacks).hasSize(1);
        assertThat(Json.read(callbacks.getFirst().getValue()).get("deliveryId").asText()).isEqualTo("d-5");
    }

    @Test
    void shouldBeSetThroughItsAdminEndpointAndReportItsCounters() throws Exception {
        var set = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/admin/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMs\":300,\"failStatus\":502}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(simulator.faults().latency()).isEqualTo(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(send("d-6", true).statusCode()).isEqualTo(502);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        var counters = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/admin/counters")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.read(counters.body().getBytes(StandardCharsets.UTF_8)).get("failedByFault").asLong()).isEqualTo(1);
        var bad = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/admin/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"failStatus\":404}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        var reset = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(simulator.faults().failStatus()).isZero();
        assertThat(simulator.counters().snapshot()).isEmpty();
    }

    @Test
    void shouldRefuseAMessageWhoseDocumentHashDoesNotMatch() throws Exception {
        String body = new String(message("d-7"), StandardCharsets.UTF_8).replaceFirst("\"sha256\":\"[0-9a-f]+\"",
                "\"sha256\":\"" + "0".repeat(64) + "\"");
        var response = sendRaw("d-7", body.getBytes(StandardCharsets.UTF_8), true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("sha256");
        assertThat(simulator.receivedDeliveryIds()).isEmpty();
    }

    private HttpResponse<String> send(String deliveryId, boolean signed) throws Exception {
        return sendRaw(deliveryId, message(deliveryId), signed);
    }

    private HttpResponse<String> sendRaw(String deliveryId, byte[] body, boolean signed) throws Exception {
        var b = HttpRequest.newBuilder(simulator.baseUrl().resolve(EDeliverySimulator.MESSAGES_PATH))
                .header("Content-Type", "application/json")
                .header(EDeliverySimulator.IDEMPOTENCY_HEADER, deliveryId);
        if (signed) {
            long ts = Instant.now().getEpochSecond();
            b.header(HmacSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(HmacSignature.SIGNATURE_HEADER, SIGNER.sign(ts, body));
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] message(String deliveryId) {
        byte[] decision = "%PDF-decision".getBytes(StandardCharsets.US_ASCII);
        byte[] notice = "%PDF-notice".getBytes(StandardCharsets.US_ASCII);
        return Json.write(Map.of("deliveryId", deliveryId, "caseId", "c-1", "uscc", "91350500MA2Y8N3X1K",
                "enterpriseName", "泉州市清源化工有限公司", "address", "edelivery://91350500MA2Y8N3X1K",
                "documents", List.of(doc("PENALTY_DECISION", decision), doc("REPAIR_RIGHTS_NOTICE", notice))));
    }

    private static Map<String, Object> doc(String kind, byte[] pdf) {
        return Map.of("kind", kind, "documentNumber", "泉环罚〔2026〕1号", "fileName", kind + ".pdf",
                "sha256", EDeliverySimulator.sha256(pdf), "contentBase64", Base64.getEncoder().encodeToString(pdf));
    }
}
