package cn.gov.eco.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service, started as a child process by the tests: {@code serve PORT} prints a line to stdout
 * and one to stderr and answers {@code /actuator/health/readiness} with UP; {@code die CODE} prints and exits;
 * {@code stubborn} blocks its own shutdown so that only SIGKILL ends it.
 */
public final class TrivialChild {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> {
                System.out.println("hello from stdout");
                System.err.println("hello from stderr");
                serve(Integer.parseInt(args[1]));
                Thread.sleep(Long.MAX_VALUE);
            }
            case "die" -> {
                System.out.println("dying");
                System.exit(Integer.parseInt(args[1]));
            }
            case "stubborn" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                System.out.println("stubborn");
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
