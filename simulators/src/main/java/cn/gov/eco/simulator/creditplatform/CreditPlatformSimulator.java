package cn.gov.eco.simulator.creditplatform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The external credit platform (信用中国 and the provincial platform) as credit-service sees it: a real HTTP server
 * on the JDK's {@code com.sun.net.httpserver}, bound to loopback.
 *
 * <ul>
 *   <li>{@code POST /api/repair-results} with header {@code Idempotency-Key}: records a repair result and answers
 *   {@code 200 {"reference": "CC-REPAIR-000001", "duplicate": false}}; the same key again answers the first
 *   reference with {@code "duplicate": true} and records nothing new.</li>
 *   <li>{@code GET /admin/state}: the counts (requests received, distinct results, duplicates, refused) and the
 *   switches.</li>
 *   <li>{@code POST /admin/mode?fail=true|false&slowMs=N}: answer 503 to every result, or wait N ms first.</li>
 * </ul>
 * The same switches and counts are methods, for tests in the same JVM.
 */
public final class CreditPlatformSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CreditPlatformSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> references = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> results = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean failing;
    private volatile Duration delay = Duration.ZERO;

    private CreditPlatformSimulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on loopback (or SimulatorServer#bindAddress) at {@code port} (0 for an ephemeral port). */
    public static CreditPlatformSimulator start(int port) {
        try {
            HttpServer server = HttpServer.create(cn.gov.eco.simulator.SimulatorServer.bindAddress(port), 0);
            CreditPlatformSimulator sim = new CreditPlatformSimulator(server);
            server.createContext("/api/repair-results", sim::result);
            server.createContext("/admin/state", sim::state);
            server.createContext("/admin/mode", sim::mode);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            log.info("credit-platform simulator listening on {}", sim.baseUrl());
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the credit-platform simulator on port " + port, e);
        }
    }

    public static void main(String[] args) {
        start(args.length > 0 ? Integer.parseInt(args[0]) : 9100);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every result request that reached the platform, duplicates and refused ones included. */
    public long received() {
        return received.get();
    }

    /** Distinct results recorded (by idempotency key). */
    public int distinct() {
        return references.size();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long refused() {
        return refused.get();
    }

    /** The result recorded under a key, as it was sent, or null. */
    public JsonNode result(String idempotencyKey) {
        return results.get(idempotencyKey);
    }

    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    public void setDelay(Duration delay) {
        this.delay = delay == null ? Duration.ZERO : delay;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void result(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "method not allowed"));
                return;
            }
            pause();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (failing) {
                refused.incrementAndGet();
                respond(exchange, 503, Map.of("error", "credit platform unavailable (simulated)"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            JsonNode payload;
            try {
                payload = JSON.readTree(body);
            } catch (IOException e) {
                payload = null;
            }
            if (key == null || key.isBlank() || payload == null || !payload.hasNonNull("uscc")) {
                refused.incrementAndGet();
                respond(exchange, 400, Map.of("error", "Idempotency-Key header and a JSON body with uscc required"));
                return;
            }
            final JsonNode p = payload;
            boolean[] fresh = {false};
            String reference = references.computeIfAbsent(key, k -> {
                fresh[0] = true;
                results.put(k, p);
                return "CC-REPAIR-%06d".formatted(sequence.incrementAndGet());
            });
            if (!fresh[0]) {
                duplicates.incrementAndGet();
            }
            respond(exchange, 200, Map.of("reference", reference, "duplicate", !fresh[0]));
        }
    }

    private void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void state(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("received", received.get());
            s.put("distinct", references.size());
            s.put("duplicates", duplicates.get());
            s.put("refused", refused.get());
            s.put("failing", failing);
            s.put("slowMs", delay.toMillis());
            respond(exchange, 200, s);
        }
    }

    private void mode(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "method not allowed"));
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2 && kv[0].equals("fail")) {
                        setFailing(Boolean.parseBoolean(kv[1]));
                    } else if (kv.length == 2 && kv[0].equals("slowMs")) {
                        setDelay(Duration.ofMillis(Long.parseLong(kv[1])));
                    }
                }
            }
            respond(exchange, 200, Map.of("failing", failing, "slowMs", delay.toMillis()));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
