package cn.gov.eco.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.gov.eco.embedded.KafkaBroker;
import cn.gov.eco.embedded.MongoWireServer;
import cn.gov.eco.simulator.creditplatform.CreditPlatformSimulator;
import cn.gov.eco.simulator.edelivery.EDeliverySimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one command that runs the whole system on one machine without Docker.
 *
 * <ol>
 *   <li>Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else a real KRaft broker in this JVM on 9092/9093 with its
 *       data in {@code <data>/kafka}.</li>
 *   <li>MongoDB: {@code MONGODB_URI} if set, else mongo-java-server with the H2 file backend on 27017 with its data
 *       in {@code <data>/mongo}.</li>
 *   <li>The auth server (OAuth 2 / OpenID Connect, port 9000) first, unless {@code --no-auth-server} or
 *       {@code OIDC_ISSUER_URI} names another provider; the launcher waits until it is ready.</li>
 *   <li>The simulated electronic-delivery platform in this JVM on 8090 ({@link EDeliverySimulator}), its callbacks
 *       going to notice-service, with a secret shared with notice-service ({@code NOTICE_EDELIVERY_SECRET}, or a
 *       random one for this run).</li>
 *   <li>The three services and the gateway (8080), each in its own JVM
 *       ({@code <svc>/target/<svc>-0.1.0-SNAPSHOT-exec.jar}), their output prefixed with their name; the launcher waits
 *       until each reports ready.</li>
 * </ol>
 *
 * <p>{@code <data>} is {@code ./data}, or {@code --data-dir} / {@code DATA_DIR}. Ctrl-C or SIGTERM stops the
 * services (SIGTERM, then SIGKILL after 20 s), then the broker and the MongoDB server. If the launcher itself is
 * killed with SIGKILL, its services survive it until the next start, which stops them first (see
 * {@link ChildPidFile}).
 */
public final class EmbeddedDefault {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDefault.class);

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final String AUTH_SERVER = "auth-server";
    static final String GATEWAY = "gateway";
    /** In start order: the auth server first, the gateway last. Heaps keep the whole stack under 2.5 GiB RSS. */
    public static final List<Service> SERVICES = List.of(
            new Service(AUTH_SERVER, 9000, "192m"),
            new Service("case-service", 8081, "384m"),
            new Service("notice-service", 8082, "384m"),
            new Service("credit-service", 8083, "384m"),
            // reads the public topics only (Kafka Streams, RocksDB state under data/dashboard-state)
            new Service("dashboard-service", 8084, "256m"),
            new Service(GATEWAY, 8080, "192m"));
    /** The embedded auth server's issuer: what tokens carry in {@code iss} and what the services trust. */
    static final String EMBEDDED_ISSUER = "http://localhost:9000";
    private static final Duration GRACE = Duration.ofSeconds(20);

    /** One service process of the embedded default: its name, HTTP port and maximum heap. */
    public record Service(String name, int port, String heap) {

        /** The same service on another port (the chaos harness runs the stack on free ports). */
        public Service onPort(int otherPort) {
            return new Service(name, otherPort, heap);
        }

        public List<String> jvmOptions() {
            return List.of("-Xmx" + heap, "-XX:+UseSerialGC");
        }

        public Path jar(Path repo) {
            return repo.resolve(name).resolve("target").resolve(name + "-" + VERSION + "-exec.jar");
        }

        /** {@code java <jvmOptions> -jar <jar>}, as the launcher starts it. */
        public List<String> command(String java, Path jar) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions());
            command.add("-jar");
            command.add(jar.toString());
            return command;
        }

        public URI baseUrl() {
            return URI.create("http://localhost:" + port);
        }

        public URI healthUrl() {
            return URI.create("http://localhost:" + port + "/actuator/health/readiness");
        }
    }

    /** The embedded default's service of that name. */
    public static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /**
     * @param noAuthServer do not start the embedded auth server: {@code --no-auth-server}, or {@code OIDC_ISSUER_URI}
     *                     set (the services then trust that provider)
     */
    record Options(Path dataDir, Duration startupTimeout, boolean infraOnly, boolean noAuthServer) {

        /** The services this run starts, in start order. */
        List<Service> services() {
            if (infraOnly) {
                return List.of();
            }
            return SERVICES.stream().filter(s -> !(noAuthServer && s.name().equals(AUTH_SERVER))).toList();
        }

        static Options parse(String[] args, Map<String, String> env) {
            Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data"));
            Duration timeout = Duration.ofSeconds(120);
            boolean infraOnly = false;
            String issuer = env.get("OIDC_ISSUER_URI");
            boolean noAuthServer = issuer != null && !issuer.isBlank();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--data-dir") && i + 1 < args.length) {
                    dataDir = Path.of(args[++i]);
                } else if (a.startsWith("--data-dir=")) {
                    dataDir = Path.of(a.substring("--data-dir=".length()));
                } else if (a.equals("--startup-timeout") && i + 1 < args.length) {
                    timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
                } else if (a.startsWith("--startup-timeout=")) {
                    timeout = Duration.ofSeconds(Long.parseLong(a.substring("--startup-timeout=".length())));
                } else if (a.equals("--infra-only")) {
                    infraOnly = true;
                } else if (a.equals("--no-auth-server")) {
                    noAuthServer = true;
                } else if (a.equals("--no-build")) {
                    // the ./start script's option; harmless here
                } else {
                    throw new UsageException("Unknown option: " + a);
                }
            }
            return new Options(dataDir.toAbsolutePath().normalize(), timeout, infraOnly, noAuthServer);
        }
    }

    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final String USAGE = """
            Usage: ./start [--no-build] [--data-dir DIR] [--startup-timeout SECONDS] [--infra-only] [--no-auth-server]
              Starts Kafka (unless KAFKA_BOOTSTRAP_SERVERS is set), MongoDB (unless MONGODB_URI is set), the
              auth server (unless --no-auth-server or OIDC_ISSUER_URI is set), case-service, notice-service,
              credit-service, dashboard-service and the gateway. Data goes to ./data (or DATA_DIR / --data-dir).
              --infra-only starts Kafka and MongoDB only.""";

    private final Options options;
    private final Map<String, String> env;
    private final Path repo;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private KafkaBroker broker;
    private MongoWireServer mongo;
    private EDeliverySimulator edelivery;
    /** The simulated external credit platform (信用中国) that credit-service syncs repair results to. */
    static final int CREDIT_PLATFORM_PORT = 9100;
    private CreditPlatformSimulator creditPlatform;
    private ProcessSupervisor supervisor;
    private ChildPidFile pidFile;

    EmbeddedDefault(Options options, Map<String, String> env, Path repo) {
        this.options = options;
        this.env = env;
        this.repo = repo;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        Path repo;
        try {
            options = Options.parse(args, System.getenv());
            repo = findRepo(Path.of("").toAbsolutePath());
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        EmbeddedDefault launcher = new EmbeddedDefault(options, System.getenv(), repo);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-shutdown"));
        int code;
        try {
            code = launcher.run();
        } catch (Ports.PortInUseException | MissingJarException | ChildPidFile.AlreadyRunningException e) {
            System.err.println("[launcher] " + e.getMessage());
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 130;
        } catch (RuntimeException e) {
            log.error("Startup failed", e);
            code = 1;
        }
        launcher.stop();
        System.exit(code);
    }

    /** Starts everything and blocks until a service dies (returns non-zero) or the JVM shuts down. */
    int run() throws InterruptedException {
        List<Service> services = options.services();
        List<Path> jars = new ArrayList<>();
        if (!options.infraOnly()) {
            for (Service s : services) {
                Path jar = s.jar(repo);
                if (!Files.isRegularFile(jar)) {
                    throw new MissingJarException(repo.relativize(jar) + " is missing: run ./start (it builds first)");
                }
                jars.add(jar);
            }
            ChildPidFile pids = new ChildPidFile(options.dataDir().resolve("launcher.pids"));
            int stale = pids.stopLeftovers(GRACE);
            if (stale > 0) {
                log.warn("Stopped {} service process(es) left running by an earlier launcher", stale);
            }
            pids.recordLauncher(ProcessHandle.current());
            pidFile = pids; // ours from now on: deleted on stop
            for (Service s : services) {
                Ports.requireFree(s.port(), s.name(), "Stop it first.");
            }
            Ports.requireFree(EDeliverySimulator.DEFAULT_PORT, "the e-delivery platform simulator", "Stop it first.");
            Ports.requireFree(CREDIT_PLATFORM_PORT, "the credit platform simulator", "Stop it first.");
        }

        String kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            Ports.requireFree(KafkaBroker.DEFAULT_PORT, "Kafka", "Stop it, or use it with KAFKA_BOOTSTRAP_SERVERS=localhost:9092.");
            Ports.requireFree(KafkaBroker.DEFAULT_CONTROLLER_PORT, "Kafka controller", "Stop it first.");
            log.info("Starting Kafka (KRaft, data in {})", options.dataDir().resolve("kafka"));
            broker = KafkaBroker.builder(options.dataDir().resolve("kafka")).build().start();
            kafka = broker.bootstrapServers();
        } else {
            log.info("Using Kafka at {} (KAFKA_BOOTSTRAP_SERVERS)", kafka);
        }
        String mongoUri = env.get("MONGODB_URI");
        if (mongoUri == null || mongoUri.isBlank()) {
            Ports.requireFree(MongoWireServer.DEFAULT_PORT, "MongoDB", "Stop it, or use it with MONGODB_URI=mongodb://localhost:27017.");
            log.info("Starting the MongoDB wire server (H2 file in {})", options.dataDir().resolve("mongo"));
            mongo = MongoWireServer.h2File(options.dataDir().resolve("mongo")).start(MongoWireServer.DEFAULT_PORT);
            mongoUri = mongo.connectionString();
        } else {
            log.info("Using MongoDB at {} (MONGODB_URI)", redact(mongoUri));
        }

        if (options.infraOnly()) {
            printTable(kafka, mongoUri, null, List.of());
            Thread.currentThread().join(); // until Ctrl-C
            return 0;
        }
        String issuer = options.noAuthServer() ? env.get("OIDC_ISSUER_URI") : EMBEDDED_ISSUER;
        if (options.noAuthServer()) {
            log.info("Not starting the auth server: the services trust {}", issuer == null || issuer.isBlank()
                    ? "the provider in their own configuration (OIDC_ISSUER_URI / OIDC_JWK_SET_URI)" : issuer);
        }

        // the dashboard's RocksDB state lives beside the broker's data, so that deleting one deletes both
        OutsideSystems outside = startSimulators(env).plus("dashboard-service",
                Map.of("DASHBOARD_STATE_DIR", options.dataDir().resolve("dashboard-state").toString()));

        supervisor = new ProcessSupervisor(System.out, System.err, GRACE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < services.size(); i++) {
                if (stopped.get() || supervisor.isClosing()) {
                    return 130; // Ctrl-C or SIGTERM while the auth server was starting
                }
                Service s = services.get(i);
                List<String> command = s.command(java, jars.get(i));
                var child = supervisor.start(s.name(), command, childEnv(s, kafka, mongoUri, issuer, outside), repo,
                        s.healthUrl());
                pidFile.record(s.name(), child.pid(), jars.get(i).toString());
                log.info("Started {} (pid {})", s.name(), child.pid());
                if (s.name().equals(AUTH_SERVER)) {
                    // the services fetch its keys when the first token arrives; it is up before anyone can ask
                    supervisor.awaitReady(options.startupTimeout());
                }
            }
            supervisor.awaitReady(Duration.ofNanos(Math.max(0, options.startupTimeout().toNanos()
                    - (System.nanoTime() - t0))));
        } catch (ProcessSupervisor.ChildExitedException e) {
            if (stopped.get() || supervisor.isClosing()) {
                return 130; // Ctrl-C or SIGTERM during startup: the shutdown hook stopped it
            }
            System.err.println("[launcher] " + e.childName() + " died during startup (exit code " + e.exitCode()
                    + "); stopping everything");
            return 1;
        }
        log.info("All services ready in {} s", Duration.ofNanos(System.nanoTime() - t0).toSeconds());
        printTable(kafka, mongoUri, issuer, services);
        System.out.println(outside.describe());

        ProcessSupervisor.Child dead = supervisor.awaitAnyExit();
        Thread.sleep(300); // Ctrl-C reaches the services too: let the shutdown hook say so first
        if (supervisor.isClosing() || stopped.get()) {
            return 0;
        }
        System.err.println("[launcher] " + dead.name() + " exited with code " + dead.process().exitValue()
                + "; stopping everything");
        return 1;
    }

    /** Stops the services, then the broker and the MongoDB server. Idempotent; runs from the shutdown hook too. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        boolean started = supervisor != null || broker != null || mongo != null;
        if (supervisor != null && !supervisor.children().isEmpty()) {
            System.err.println("[launcher] Stopping the services");
            supervisor.close();
        }
        if (pidFile != null) {
            pidFile.delete();
        }
        if (creditPlatform != null) {
            creditPlatform.close();
        }
        if (edelivery != null) {
            edelivery.close();
        }
        if (broker != null) {
            try {
                broker.close();
            } catch (RuntimeException e) {
                log.warn("Stopping Kafka failed", e);
            }
        }
        if (mongo != null) {
            try {
                mongo.close();
            } catch (RuntimeException e) {
                log.warn("Stopping the MongoDB wire server failed", e);
            }
        }
        if (started) {
            System.err.println("[launcher] Stopped");
        }
    }

    /**
     * The outside systems' simulators this run started, and what each service is told about them: for each service
     * name, environment variables (their URLs and shared secrets).
     */
    record OutsideSystems(Map<String, Map<String, String>> envByService, List<String> lines) {
        static final OutsideSystems NONE = new OutsideSystems(Map.of(), List.of());

        OutsideSystems plus(String service, Map<String, String> env) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(envByService);
            all.merge(service, env, (a, b) -> {
                Map<String, String> both = new LinkedHashMap<>(a);
                both.putAll(b);
                return both;
            });
            return new OutsideSystems(all, lines);
        }

        String describe() {
            return lines.isEmpty() ? "" : "  Simulated outside systems (in the launcher's JVM):\n" + String.join("\n", lines) + "\n";
        }
    }

    /** The e-delivery platform's secret: NOTICE_EDELIVERY_SECRET, or a random one for this run. */
    static String edeliverySecret(Map<String, String> env) {
        String configured = env.get("NOTICE_EDELIVERY_SECRET");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    /** Starts the simulated e-delivery platform on 8090, calling back notice-service. */
    private OutsideSystems startSimulators(Map<String, String> env) {
        Service notice = SERVICES.stream().filter(s -> s.name().equals("notice-service")).findFirst().orElseThrow();
        String secret = edeliverySecret(env);
        URI callback = notice.baseUrl().resolve("/callbacks/edelivery/arrivals");
        // callbacks retried 10 times, pauses doubling from 1 s: they outlast a restart of notice-service
        edelivery = new EDeliverySimulator(new EDeliverySimulator.Settings(EDeliverySimulator.DEFAULT_PORT, secret,
                callback, java.time.Duration.ofMillis(200), 10, java.time.Duration.ofSeconds(1))).start();
        String url = edelivery.baseUrl().toString();
        creditPlatform = CreditPlatformSimulator.start(CREDIT_PLATFORM_PORT);
        String creditUrl = creditPlatform.baseUrl();
        return new OutsideSystems(Map.of(notice.name(), Map.of("NOTICE_EDELIVERY_URL", url,
                "NOTICE_EDELIVERY_SECRET", secret), "credit-service", Map.of("CREDIT_PLATFORM_URL", creditUrl)),
                List.of(String.format("  %-16s %-24s admin: %s/admin/faults, %s/admin/counters", "e-delivery", url,
                        url, url), String.format("  %-16s %-24s (信用中国 repair-result sync)", "credit platform",
                        creditUrl)));
    }

    /** What each child is told: its port, and where Kafka, MongoDB, the token issuer and the services are. */
    public static Map<String, String> childEnv(Service s, String kafka, String mongoUri, String issuer) {
        return childEnv(s, kafka, mongoUri, issuer, OutsideSystems.NONE);
    }

    /** As {@link #childEnv(Service, String, String, String)}, and where the simulated outside systems are. */
    public static Map<String, String> childEnv(Service s, String kafka, String mongoUri, String issuer,
                                        OutsideSystems outside) {
        Map<String, String> env = new LinkedHashMap<>(childEnvWithoutOutside(s, kafka, mongoUri, issuer));
        env.putAll(outside.envByService().getOrDefault(s.name(), Map.of()));
        return env;
    }

    private static Map<String, String> childEnvWithoutOutside(Service s, String kafka, String mongoUri, String issuer) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(s.port()));
        switch (s.name()) {
            case AUTH_SERVER -> env.put("OIDC_ISSUER", EMBEDDED_ISSUER);
            case GATEWAY -> SERVICES.stream().filter(o -> o.name().endsWith("-service")).forEach(o -> env.put(
                    o.name().replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_URL", o.baseUrl().toString()));
            default -> {
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
                env.put("MONGODB_URI", mongoUri);
                if (issuer != null && !issuer.isBlank()) {
                    env.put("OIDC_ISSUER_URI", issuer);
                }
            }
        }
        return env;
    }

    static String table(String kafka, String mongoUri, String issuer, List<Service> services) {
        StringBuilder t = new StringBuilder("\n");
        String line = "-".repeat(92) + "\n";
        t.append(line);
        t.append(String.format("  %-16s %s%n", "Kafka bootstrap", kafka));
        t.append(String.format("  %-16s %s%n", "MongoDB URI", redact(mongoUri)));
        if (!services.isEmpty()) {
            t.append(String.format("  %-16s %s%n", "OIDC issuer", issuer == null || issuer.isBlank()
                    ? "(the services' own configuration)" : issuer));
            t.append(String.format("%n  %-16s %-24s %s%n", "service", "base URL", "health"));
            for (Service s : services) {
                t.append(String.format("  %-16s %-24s %s%n", s.name(), s.baseUrl(), s.healthUrl()));
            }
            t.append(String.format("%n  Entry point: http://localhost:8080 (gateway): /api/**, OpenAPI at /openapi/<service>%n"));
            if (services.stream().anyMatch(s -> s.name().equals(AUTH_SERVER))) {
                t.append(String.format("  A token (demo accounts in the README, password demo):%n"));
                t.append(String.format("    curl -s -u cli:cli-secret -d grant_type=password -d username=officer-lin"
                        + " -d password=demo localhost:9000/oauth2/token%n"));
            }
        }
        t.append("\n  Ctrl-C stops everything.\n");
        t.append(line);
        return t.toString();
    }

    private static void printTable(String kafka, String mongoUri, String issuer, List<Service> services) {
        System.out.println(table(kafka, mongoUri, issuer, services));
    }

    /** Hides a password in a MongoDB URI. */
    static String redact(String uri) {
        return uri.replaceAll("(://[^:/@]+):[^@/]+@", "$1:****@");
    }

    /** The repository root: the nearest directory, from {@code start} upwards, with pom.xml and case-service/. */
    public static Path findRepo(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("case-service"))
                    && Files.isDirectory(p.resolve("launcher"))) {
                return p;
            }
        }
        throw new UsageException("Run this from the repository (no pom.xml with case-service/ above " + start
                + "): use ./start");
    }

    static final class MissingJarException extends RuntimeException {
        MissingJarException(String message) {
            super(message);
        }
    }
}
