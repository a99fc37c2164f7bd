package cn.gov.eco.system;

import cn.gov.eco.credit.CreditServiceApplication;
import cn.gov.eco.dashboard.DashboardServiceApplication;
import cn.gov.eco.enforcement.CaseServiceApplication;
import cn.gov.eco.gateway.GatewayApplication;
import cn.gov.eco.identity.AuthServerApplication;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.simulator.edelivery.EDeliverySimulator;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The embedded authorization server, the three services against one broker and one store, and the gateway in
 * front of them, started once for all the system tests of this JVM (each in
 * its own Spring context, with its own database and consumer group for this run), stopped when the JVM ends.
 * The services trust the tokens of {@link TestTokens}.
 */
final class RunningSystem implements AutoCloseable {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static RunningSystem instance;
    /** The clock the application being started gets (starts are serialised: see {@link #startAt}). */
    private static volatile Clock startingClock;

    /** This system's run: its databases and consumer groups are named after it. */
    final String run;
    final Clock clock;
    /** The broker this system's services and its tests talk to. */
    final String kafka;
    /** A system started by {@link #startAt} has a broker of its own (null for the shared one): see there. */
    private final org.springframework.kafka.test.EmbeddedKafkaKraftBroker ownBroker;

    final ConfigurableApplicationContext caseService;
    final ConfigurableApplicationContext noticeService;
    /** The simulated electronic-delivery platform (电子送达平台) notice-service serves through. */
    final EDeliverySimulator eDelivery;
    final ConfigurableApplicationContext creditService;
    /** The lifecycle dashboard: the public topics only; restartable on its port ({@link #restartDashboard}). */
    ConfigurableApplicationContext dashboardService;
    final int dashboardPort;
    final Path dashboardState;
    final ConfigurableApplicationContext authServer;
    final ConfigurableApplicationContext gateway;
    final int gatewayPort;

    /**
     * On the services' classpath here, but not in their jars: the authorization server's and the gateway's own
     * auto-configuration, which the services must not pick up from the shared classpath.
     */
    private static final String NOT_IN_SERVICES = String.join(",",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.GatewayMvcClassPathWarningAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration");

    /** The walkthrough's day: 2026-11-23 in Asia/Shanghai. */
    static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    static final String EDELIVERY_SECRET = "system-tests-edelivery-secret";

    @Configuration
    static class FixedClock {
        @Bean
        Clock clock() {
            return startingClock;
        }
    }

    private RunningSystem() {
        this(FIXED_CLOCK, RUN, null);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "running-system-stop"));
    }

    /**
     * Another whole system, on its own clock (e.g. a settable one), databases, consumer groups and its own broker;
     * the caller closes it. For tests whose dates depend on the day the services think it is. Its own broker, because
     * two systems on one broker consume each other's events: the shared system's notice-service (on its fixed clock)
     * would serve this system's decisions too, and its served date could win the race to this system's case-service.
     */
    static synchronized RunningSystem startAt(Clock clock) {
        var broker = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(java.util.Map.of("auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5"));
        broker.afterPropertiesSet();
        return new RunningSystem(clock, UUID.randomUUID().toString().substring(0, 8), broker);
    }

    private RunningSystem(Clock clock, String run, org.springframework.kafka.test.EmbeddedKafkaKraftBroker ownBroker) {
        this.clock = clock;
        this.run = run;
        this.ownBroker = ownBroker;
        this.kafka = ownBroker != null ? ownBroker.getBrokersAsString()
                : TestInfrastructure.get().kafkaBootstrapServers();
        startingClock = clock;
        // The portal signs out through the authorization server, which sends the browser back to a registered
        // post-logout URI, port included: the gateway's port is chosen (free, ephemeral) before either starts.
        gatewayPort = freePort();
        String portal = "http://localhost:" + gatewayPort + "/portal/";
        String portalByIp = "http://127.0.0.1:" + gatewayPort + "/portal/";
        // the embedded authorization server issues tokens as TestTokens' issuer; the services trust both key sets
        authServer = new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + AuthServerApplication.CONFIG_NAME)
                .run("--server.port=0", "--identity.issuer=" + TestTokens.ISSUER,
                        "--identity.clients.portal.extra-redirect-uris=" + portal + "callback.html," + portalByIp + "callback.html",
                        "--identity.clients.portal.extra-post-logout-redirect-uris=" + portal + "," + portalByIp);
        TestTokens.get().trustAlso(baseUrl(authServer) + "/oauth2/jwks");
        caseService = start(CaseServiceApplication.class, CaseServiceApplication.CONFIG_NAME);
        // the electronic-delivery platform is the real simulator over HTTP, on the walkthrough's clock so that its
        // signed callbacks fall inside notice-service's accepted skew; its callbacks go to notice-service once it runs
        eDelivery = new EDeliverySimulator(EDeliverySimulator.Settings.of(0, EDELIVERY_SECRET,
                URI.create("http://127.0.0.1:1/unset")), clock).start();
        noticeService = start(NoticeServiceApplication.class, NoticeServiceApplication.CONFIG_NAME,
                new String[]{"--notice.edelivery.base-url=" + eDelivery.baseUrl(),
                        "--notice.edelivery.secret=" + EDELIVERY_SECRET});
        eDelivery.callbackUrl(URI.create(baseUrl(noticeService) + "/callbacks/edelivery/arrivals"));
        consentToElectronicService(noticeService);
        creditService = start(CreditServiceApplication.class, CreditServiceApplication.CONFIG_NAME);
        dashboardPort = freePort();
        try {
            dashboardState = Files.createTempDirectory("dashboard-state-" + run);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dashboardService = startDashboard();
        gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .run("--server.port=" + gatewayPort, "--gateway.services.case-service=" + baseUrl(caseService),
                        "--gateway.services.notice-service=" + baseUrl(noticeService),
                        "--gateway.services.credit-service=" + baseUrl(creditService),
                        "--gateway.services.dashboard-service=http://localhost:" + dashboardPort,
                        "--portal.auth-server-url=" + baseUrl(authServer),
                        "--portal.token-endpoint=" + baseUrl(authServer) + "/oauth2/token");
    }

    @Override
    public void close() {
        for (var ctx : List.of(gateway, dashboardService, creditService, noticeService, caseService, authServer)) {
            ctx.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dashboardState.toFile());
        eDelivery.close();
        if (ownBroker != null) {
            ownBroker.destroy();
        }
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    List<ConfigurableApplicationContext> services() {
        return List.of(caseService, noticeService, creditService);
    }

    static String group(String configName) {
        return configName + "-" + RUN;
    }

    /**
     * Both demo enterprises sign the e-service consent online (送达地址确认书), so their decisions are served
     * electronically at once; without it a delivery waits for an officer to choose a method.
     */
    static void consentToElectronicService(ConfigurableApplicationContext notice) {
        for (var p : List.of(cn.gov.eco.testsupport.Persona.ENTERPRISE_A, cn.gov.eco.testsupport.Persona.ENTERPRISE_B)) {
            var answer = http(notice).as(p).send("PUT", "/api/deliveries/consents/" + p.usccs.getFirst(),
                    "application/json", ("{\"channel\":\"e-delivery-platform\",\"address\":\"" + p.username
                            + "@edelivery.example.cn\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("e-service consent of " + p + ": " + answer.body());
            }
        }
    }

    /**
     * The dashboard on its port, with this run's application id (the prefix of its internal topics and its consumer
     * group) and state directory. It has no database: the platform's auto-configuration and MongoDB's are left out.
     */
    private ConfigurableApplicationContext startDashboard() {
        return new SpringApplicationBuilder(DashboardServiceApplication.class, FixedClock.class)
                .properties("spring.config.name=" + DashboardServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=" + dashboardPort,
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--spring.kafka.streams.application-id=dashboard-" + run,
                        "--spring.kafka.streams.state-dir=" + dashboardState,
                        "--spring.autoconfigure.exclude=" + NOT_IN_SERVICES
                                + ",cn.gov.eco.platform.PlatformAutoConfiguration"
                                + ",org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"));
    }

    /** Stops the dashboard, deletes its state (RocksDB stores, checkpoints) and starts it again on the same port. */
    void restartDashboard() {
        synchronized (RunningSystem.class) { // starts are serialised: the started application gets this system's clock
            dashboardService.close();
            org.springframework.util.FileSystemUtils.deleteRecursively(dashboardState.toFile());
            startingClock = clock;
            dashboardService = startDashboard();
        }
    }

    private ConfigurableApplicationContext start(Class<?> app, String configName, String... extraArgs) {
        var infra = TestInfrastructure.get();
        var args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + infra.mongoUri(),
                "--spring.mongodb.database=" + configName + "-" + run,
                "--spring.kafka.consumer.group-id=" + configName + "-" + run,
                // the gateway's jar (on this shared classpath) turns multipart parsing off in every application
                // that does not set it (its MultipartEnvironmentPostProcessor): the services take uploads (repair
                // materials, seal verification), as they do when run alone
                "--spring.servlet.multipart.enabled=true",
                "--spring.autoconfigure.exclude=" + NOT_IN_SERVICES));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(app, FixedClock.class)
                .properties("spring.config.name=" + configName)
                .run(TestTokens.withServiceArgs(args.toArray(String[]::new)));
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String baseUrl(ConfigurableApplicationContext ctx) {
        return "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
    }

    /** The service's HTTP endpoint, with no token yet. */
    static Http http(ConfigurableApplicationContext ctx) {
        return new Http(baseUrl(ctx));
    }

    /** The walkthrough's decision (docs/examples/decision.json) under another document number. */
    static String example(String documentNumber) {
        try {
            return Files.readString(Path.of("..", "docs", "examples", "decision.json"))
                    .replace("泉环罚〔2026〕58号", documentNumber);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
