package cn.gov.eco.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.eco.embedded.KafkaBroker;
import cn.gov.eco.embedded.MongoWireServer;
import cn.gov.eco.launcher.EmbeddedDefault;
import cn.gov.eco.launcher.ProcessSupervisor;
import cn.gov.eco.testsupport.TestTokens;

/**
 * The embedded default as {@code ./start} runs it — a KRaft broker and the MongoDB wire server (H2 file backend) in
 * this JVM, each service in its own JVM with the launcher's heap and GC options, started and stopped by the
 * launcher's {@link ProcessSupervisor} — but on free loopback ports and a data directory of its own, so that it
 * runs beside a {@code ./start}. Tokens come from {@link TestTokens} (a signing key whose JWK set is served on
 * loopback), so neither the auth server nor the gateway is started: decisions go straight to case-service.
 */
public final class ChaosStack implements AutoCloseable {

    /** The services under test, in start order. */
    public static final List<String> SERVICES = List.of("case-service", "notice-service", "credit-service");

    private final Path repo;
    private final Path dataDir;
    private final PrintStream serviceLog;
    private final Map<String, EmbeddedDefault.Service> services = new LinkedHashMap<>();
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final TestTokens tokens = TestTokens.get();
    private KafkaBroker broker;
    private MongoWireServer mongo;
    private String bootstrap;
    private ProcessSupervisor supervisor;
    /**
     * The simulated e-delivery platform notice-service serves through: decisions reach DualDeliveryCompleted only
     * through its signed arrival callbacks. Its callbacks are retried long enough (10 attempts, pauses doubling from
     * 1 s) to outlast notice-service being killed and restarted, as a real platform retries its receipts.
     */
    private cn.gov.eco.simulator.edelivery.EDeliverySimulator eDelivery;
    static final String EDELIVERY_SECRET = "chaos-harness-edelivery-secret";

    public ChaosStack(Path repo, Path dataDir) {
        this.repo = repo;
        this.dataDir = dataDir;
        try {
            Files.createDirectories(dataDir);
            serviceLog = new PrintStream(Files.newOutputStream(dataDir.resolve("services.log")), true,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker (or uses {@code externalBootstrap}), the MongoDB wire server and the three services. */
    public ChaosStack start(String externalBootstrap, Duration timeout) throws Exception {
        for (String name : SERVICES) {
            EmbeddedDefault.Service s = EmbeddedDefault.service(name);
            if (!Files.isRegularFile(s.jar(repo))) {
                throw new IllegalStateException(s.jar(repo) + " is missing: build first (./mvnw -DskipTests package)");
            }
            services.put(name, s.onPort(freePort()));
        }
        if (externalBootstrap == null) {
            broker = KafkaBroker.builder(dataDir.resolve("kafka")).host("127.0.0.1").port(0).controllerPort(0)
                    .build().start();
            bootstrap = broker.bootstrapServers();
        } else {
            bootstrap = externalBootstrap;
        }
        mongo = MongoWireServer.h2File(dataDir.resolve("mongo")).start(0);
        eDelivery = new cn.gov.eco.simulator.edelivery.EDeliverySimulator(
                new cn.gov.eco.simulator.edelivery.EDeliverySimulator.Settings(0, EDELIVERY_SECRET,
                        services.get("notice-service").baseUrl().resolve("/callbacks/edelivery/arrivals"),
                        Duration.ofMillis(200), 10, Duration.ofSeconds(1))).start();
        supervisor = new ProcessSupervisor(serviceLog, serviceLog, Duration.ofSeconds(20));
        for (String name : SERVICES) {
            startService(name);
        }
        supervisor.awaitReady(timeout);
        return this;
    }

    private ProcessSupervisor.Child startService(String name) {
        EmbeddedDefault.Service s = services.get(name);
        Map<String, String> env = new LinkedHashMap<>(EmbeddedDefault.childEnv(s, bootstrap, mongo.connectionString(),
                TestTokens.ISSUER));
        env.put("OIDC_JWK_SET_URI", tokens.jwkSetUri());
        env.put("NOTICE_SEAL_DEV_KEYSTORE_DIR", dataDir.resolve("notice-seal").toString());
        // R1 compares every stored outbox event with every published one: keep the sent ones in the documents
        // (an enterprise's credit level raises more than the default 10 an aggregate keeps)
        env.put("PLATFORM_OUTBOX_RETAINSENT", "1000000");
        env.put("NOTICE_EDELIVERY_URL", eDelivery.baseUrl().toString());
        env.put("NOTICE_EDELIVERY_SECRET", EDELIVERY_SECRET);
        return supervisor.start(name, s.command(java, s.jar(repo)), env, repo, s.healthUrl());
    }

    /**
     * Stops a service — SIGKILL when {@code hard}, else SIGTERM — then starts it again and waits until it is ready.
     * @return the stopped process's exit code
     */
    public int restart(String name, boolean hard, Duration timeout) throws Exception {
        int code = stop(name, hard);
        supervisor.awaitReady(startService(name), timeout); // only this one: another may be down meanwhile
        return code;
    }

    /** Stops a service without starting it again; -1 if it was not running. */
    public int stop(String name, boolean hard) throws InterruptedException {
        var child = supervisor.child(name);
        return child.isPresent() ? supervisor.stop(child.get(), hard) : -1;
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startAgain(String name, Duration timeout) throws Exception {
        supervisor.awaitReady(startService(name), timeout);
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    public String baseUrl(String service) {
        return services.get(service).baseUrl().toString().replace("localhost", "127.0.0.1");
    }

    public String officerToken() {
        return tokens.token(cn.gov.eco.testsupport.Persona.OFFICER_LIN);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (eDelivery != null) {
            eDelivery.close();
        }
        serviceLog.close();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
