package cn.gov.eco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The shared frame of every simulator: a real HTTP server (the JDK's {@link HttpServer}, one virtual thread per
 * exchange) on a port (0 for an ephemeral one), with the admin endpoints every simulator answers:
 * <ul>
 *   <li>{@code GET /admin/counters}: what it received and did;</li>
 *   <li>{@code GET|POST /admin/faults}: the current faults, or set them with
 *       {@code {"latencyMs":3000,"failStatus":503,"dropCallbacks":true}} (absent fields unchanged);</li>
 *   <li>{@code POST /admin/reset}: heal, forget everything received, zero the counters.</li>
 * </ul>
 * The admin endpoints are never slowed or failed by the faults. The server binds to loopback unless {@link #bindAddress(int)} says otherwise.
 */
public abstract class SimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);

    protected final Faults faults = new Faults();
    protected final Counters counters = new Counters();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String name;

    /**
     * The address the simulators bind: loopback (the embedded default and the tests), or the system property
     * {@code simulator.bind-address} (0.0.0.0 in a container, where the services call from other hosts).
     */
    public static InetSocketAddress bindAddress(int port) {
        return new InetSocketAddress(System.getProperty("simulator.bind-address", "127.0.0.1"), port);
    }

    protected SimulatorServer(String name, int port) {
        this.name = name;
        try {
            server = HttpServer.create(bindAddress(port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(name + " simulator cannot bind port " + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/admin/counters", guarded(ex -> respond(ex, 200, counters.snapshot())));
        server.createContext("/admin/faults", guarded(this::handleFaults));
        server.createContext("/admin/reset", guarded(ex -> {
            requireMethod(ex, "POST");
            reset();
            respond(ex, 200, Map.of("reset", true));
        }));
    }

    /** Registers a handler of the simulated API: it is subject to the faults (latency first, then failure). */
    protected final void api(String path, Handler handler) {
        server.createContext(path, guarded(ex -> {
            counters.increment("requests");
            Duration latency = faults.latency();
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency); // the simulated platform is slow: the caller's time limiter must cut
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            int fail = faults.failStatus();
            if (fail != 0) {
                counters.increment("failedByFault");
                respond(ex, fail, problem("SIMULATED_FAILURE", "simulated failure " + fail));
                return;
            }
            handler.handle(ex);
        }));
    }

    /** Starts serving; returns this. */
    public SimulatorServer start() {
        server.start();
        log.info("{} simulator listening on {}", name, baseUrl());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Faults faults() {
        return faults;
    }

    public Counters counters() {
        return counters;
    }

    /** Heals the faults, forgets what was received, zeroes the counters. */
    public void reset() {
        faults.heal();
        counters.reset();
        forget();
    }

    /** Forgets what the simulated platform stored. */
    protected abstract void forget();

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handleFaults(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("POST")) {
            JsonNode body = Json.read(readBody(ex));
            if (body.has("latencyMs")) {
                faults.slow(Duration.ofMillis(body.get("latencyMs").asLong()));
            }
            if (body.has("failStatus")) {
                faults.fail(body.get("failStatus").asInt());
            }
            if (body.has("dropCallbacks")) {
                faults.dropCallbacks(body.get("dropCallbacks").asBoolean());
            }
            log.info("{} simulator faults now {}", name, faults.describe());
        } else {
            requireMethod(ex, "GET");
        }
        respond(ex, 200, faults.describe());
    }

    /** One exchange; exceptions become answers (400 for bad JSON and bad arguments, 405, 500 otherwise). */
    @FunctionalInterface
    protected interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private HttpHandler guarded(Handler handler) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (Json.MalformedJsonException | IllegalArgumentException e) {
                respondQuietly(ex, 400, problem("BAD_REQUEST", e.getMessage()));
            } catch (MethodNotAllowed e) {
                respondQuietly(ex, 405, problem("METHOD_NOT_ALLOWED", e.getMessage()));
            } catch (RuntimeException | IOException e) {
                log.warn("{} simulator failed on {} {}", name, ex.getRequestMethod(), ex.getRequestURI(), e);
                respondQuietly(ex, 500, problem("SIMULATOR_ERROR", String.valueOf(e.getMessage())));
            } finally {
                ex.close();
            }
        };
    }

    protected static void requireMethod(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equals(method)) {
            throw new MethodNotAllowed(ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
                    + " is not supported, use " + method);
        }
    }

    private static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed(String message) {
            super(message);
        }
    }

    /** Reads at most 32 MiB of request body. */
    protected static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(32 * 1024 * 1024 + 1);
            if (body.length > 32 * 1024 * 1024) {
                throw new IllegalArgumentException("request body larger than 32 MiB");
            }
            return body;
        }
    }

    protected static void respond(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body);
        String type = status >= 400 ? "application/problem+json" : "application/json";
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void respondQuietly(HttpExchange ex, int status, Object body) {
        try {
            respond(ex, status, body);
        } catch (IOException | RuntimeException ignored) {
            // the headers were already sent or the client went away: nothing more to tell it
        }
    }

    protected static Map<String, Object> problem(String type, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:simulator:" + type);
        p.put("title", type);
        p.put("detail", detail);
        return p;
    }
}
