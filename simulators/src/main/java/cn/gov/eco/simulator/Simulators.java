package cn.gov.eco.simulator;

import cn.gov.eco.simulator.creditplatform.CreditPlatformSimulator;
import cn.gov.eco.simulator.edelivery.EDeliverySimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Both simulated outside systems in one process, for the simulators' container image (deploy/compose, the
 * Kubernetes dev overlay): the electronic-delivery platform and the external credit platform, configured by the
 * environment. The embedded default does not use this class; the launcher starts the simulators in its own JVM.
 * <ul>
 *   <li>{@code SIMULATOR_BIND_ADDRESS} (default 0.0.0.0 here: other containers call in)</li>
 *   <li>{@code EDELIVERY_PORT} (8090), {@code CREDIT_PLATFORM_PORT} (9100)</li>
 *   <li>{@code NOTICE_EDELIVERY_SECRET}, or {@code NOTICE_EDELIVERY_SECRET_FILE} naming a file that holds it (a
 *   compose or Kubernetes secret): the secret shared with notice-service</li>
 *   <li>{@code EDELIVERY_CALLBACK_URL}: notice-service's arrival callback</li>
 * </ul>
 */
public final class Simulators {

    private Simulators() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        System.setProperty("simulator.bind-address", env.getOrDefault("SIMULATOR_BIND_ADDRESS", "0.0.0.0"));
        String secret = secret(env);
        var settings = new EDeliverySimulator.Settings(
                Integer.parseInt(env.getOrDefault("EDELIVERY_PORT", Integer.toString(EDeliverySimulator.DEFAULT_PORT))),
                secret, URI.create(env.getOrDefault("EDELIVERY_CALLBACK_URL",
                        "http://notice-service:8082/callbacks/edelivery/arrivals")),
                Duration.ofMillis(200), 10, Duration.ofSeconds(1));
        new EDeliverySimulator(settings).start();
        CreditPlatformSimulator.start(Integer.parseInt(env.getOrDefault("CREDIT_PLATFORM_PORT", "9100")));
        Thread.currentThread().join();
    }

    static String secret(Map<String, String> env) {
        String file = env.get("NOTICE_EDELIVERY_SECRET_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read NOTICE_EDELIVERY_SECRET_FILE " + file, e);
            }
        }
        String secret = env.get("NOTICE_EDELIVERY_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("set NOTICE_EDELIVERY_SECRET or NOTICE_EDELIVERY_SECRET_FILE: the secret"
                    + " the e-delivery simulator signs its callbacks with, shared with notice-service");
        }
        return secret;
    }
}
