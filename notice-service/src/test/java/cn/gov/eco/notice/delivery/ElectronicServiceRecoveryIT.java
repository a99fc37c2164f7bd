package cn.gov.eco.notice.delivery;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.notice.channel.infrastructure.ElectronicChannelConfiguration;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.simulator.edelivery.EDeliverySimulator;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TopicProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RELIABILITY.md R7 from the decision to the served delivery: notice-service with its real HTTP adapter, the
 * simulated e-delivery platform down when the decisions arrive. The circuit opens, nothing is served or lost while
 * it is down (the deliveries wait with their next try stored); after the platform recovers every delivery is sent
 * once, served once on the platform's arrival time, and announced once.
 */
class ElectronicServiceRecoveryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET = "recovery-it-secret-0123456789";
    private static EDeliverySimulator platform;
    private static ConfigurableApplicationContext app;
    private static KafkaProducer<String, byte[]> producer;
    private static TopicProbe probe;

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        platform = new EDeliverySimulator(new EDeliverySimulator.Settings(0, SECRET, URI.create("http://127.0.0.1:9/"),
                Duration.ofMillis(50), 10, Duration.ofMillis(200))).start();
        platform.faults().fail(503);
        app = new SpringApplicationBuilder(NoticeServiceApplication.class)
                .properties("spring.config.name=" + NoticeServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=recovery-it-" + RUN,
                        "--spring.kafka.consumer.group-id=recovery-it-" + RUN,
                        "--notice.seal.dev-keystore-dir=target/notice-seal-it-" + RUN,
                        "--notice.edelivery.base-url=" + platform.baseUrl(),
                        "--notice.edelivery.secret=" + SECRET,
                        // the same guards as configured, on a test's time scale
                        "--notice.delivery.scheduler-interval=200ms", "--notice.delivery.first-retry=500ms",
                        "--notice.delivery.max-retry=2s",
                        "--resilience4j.circuitbreaker.instances.edelivery.wait-duration-in-open-state=3s",
                        "--resilience4j.retry.instances.edelivery.wait-duration=50ms"));
        platform.callbackUrl(URI.create("http://127.0.0.1:" + port() + ElectronicChannelConfiguration.CALLBACK_PATH));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.NOTICE_DELIVERY.name()));
        var consent = officer().as(Persona.ENTERPRISE_A).send("PUT", "/api/deliveries/consents/" + Persona.USCC_A,
                "application/json", "{\"channel\":\"e-delivery-platform\",\"address\":\"qingyuan@edelivery.example.cn\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        producer.close();
        probe.close();
        app.close();
        platform.close();
    }

    static int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    static Http officer() {
        return Http.localhost(port()).as(Persona.OFFICER_LIN);
    }

    static boolean served(String caseId) {
        var r = officer().get("/api/deliveries/" + caseId);
        return r.statusCode() == 200 && r.body().contains("\"served\":true");
    }

    @Test
    void shouldKeepDeliveriesWaitingWhileThePlatformIsDownAndServeEachOnceAfterItRecovers() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = UUID.randomUUID().toString();
            cases.add(caseId);
            var event = DualDeliveryIT.goldenPenaltyDecided(caseId, "泉环罚〔2026〕" + (700 + i) + "号");
            producer.send(CloudEventRecords.toRecord(event, URI.create("/case-service"))).get();
        }
        CircuitBreaker breaker = app.getBean(CircuitBreakerRegistry.class).circuitBreaker("edelivery");
        await().atMost(Duration.ofSeconds(60)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        assertThat(platform.counters().get("failedByFault")).isPositive();
        assertThat(platform.receivedDeliveryIds()).isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> cases.stream()
                .allMatch(c -> officer().get("/api/deliveries/" + c).statusCode() == 200));
        assertThat(cases).noneMatch(ElectronicServiceRecoveryIT::served);

        platform.faults().heal();

        await().atMost(Duration.ofSeconds(90)).until(() -> cases.stream().allMatch(ElectronicServiceRecoveryIT::served));
        assertThat(platform.receivedDeliveryIds()).containsExactlyInAnyOrderElementsOf(cases);
        assertThat(platform.counters().get("messagesAccepted")).as("each delivery taken once").isEqualTo(6);
        await().atMost(Duration.ofSeconds(20)).until(() -> completedIds(cases).size() == 6);
        Map<String, Set<String>> announced = completedIds(cases);
        assertThat(announced.values()).as("one DualDeliveryCompleted per case (by ce_id)").allMatch(ids -> ids.size() == 1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** The distinct ce_ids of DualDeliveryCompleted per case seen so far. */
    static Map<String, Set<String>> completedIds(List<String> cases) {
        return probe.poll().stream()
                .filter(r -> cases.contains(r.key())
                        && EventTypes.DUAL_DELIVERY_COMPLETED.ceType().equals(TopicProbe.header(r, "ce_type")))
                .collect(Collectors.groupingBy(r -> r.key(),
                        Collectors.mapping(r -> TopicProbe.header(r, "ce_id"), Collectors.toSet())));
    }
}
