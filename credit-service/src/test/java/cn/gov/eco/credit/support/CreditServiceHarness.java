package cn.gov.eco.credit.support;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.CreditServiceApplication;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A running credit-service on the test infrastructure, with a clock the test moves, a producer that feeds it golden
 * samples (modified per test) as the other services would publish them, and a probe on the credit topics.
 */
public final class CreditServiceHarness implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A clock a test sets; injected into the service in place of the system clock. */
    public static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        public MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        public void set(Instant instant) {
            now.set(instant);
        }

        /** Midnight at the start of {@code date} in Asia/Shanghai, plus {@code seconds}. */
        public void setShanghai(String date, long seconds) {
            now.set(java.time.LocalDate.parse(date).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()
                    .plusSeconds(seconds));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static final MovableClock CLOCK_FOR_CONTEXT = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));

    /**
     * Registered as a source of the harness's context only. Deliberately not {@code @Configuration}: this class is not
     * a test class, so component scanning would otherwise put this clock into every other test's context.
     */
    static class ClockConfiguration {
        @Bean
        Clock clock() {
            return CLOCK_FOR_CONTEXT;
        }
    }

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String group = "credit-it-" + run;
    public final MovableClock clock = CLOCK_FOR_CONTEXT;
    public final ConfigurableApplicationContext app;
    public final TopicProbe probe;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong sequence = new AtomicLong(10);

    public CreditServiceHarness(String... extraArgs) {
        var infra = TestInfrastructure.get();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=credit-it-" + run,
                "--spring.kafka.consumer.group-id=" + group,
                // the tests run the scheduler's passes themselves, after moving the clock
                "--credit.publicity.scheduler.interval=1h"));
        args.addAll(List.of(extraArgs));
        app = new SpringApplicationBuilder(CreditServiceApplication.class, ClockConfiguration.class)
                .properties("spring.config.name=" + CreditServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs(args.toArray(String[]::new)));
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.CREDIT_PUBLICITY.name(),
                Topics.CREDIT_LEVEL.name(), Topics.CREDIT_ENTERPRISE_STATUS.name(), Topics.CREDIT_REPAIR.deadLetterTopic(),
                Topics.ENFORCEMENT_CASE.deadLetterTopic()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Http http(Persona persona) {
        return Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).as(persona);
    }

    public Http anonymous() {
        return Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).anonymous();
    }

    public static ObjectNode golden(EventType type) {
        try (var in = CreditServiceHarness.class.getResourceAsStream(type.sampleResource())) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the golden sample of {@code type}, changed by {@code edit}, keyed as its topic says; twice if asked. */
    public ObjectNode publish(EventType type, String key, String subject, Consumer<ObjectNode> edit, boolean twice) {
        ObjectNode node = golden(type);
        JsonNode goldenPlan = node.at("/decision/publicityPlan").deepCopy();
        edit.accept(node);
        if (type == EventTypes.DUAL_DELIVERY_COMPLETED && node.at("/decision/publicityPlan").equals(goldenPlan)) {
            carryPlan(app, (ObjectNode) node.get("decision"));
        }
        var event = new OutboxEvent(UUID.randomUUID().toString(), type.ceType(), Topics.carrying(type).name(), key,
                subject, sequence.incrementAndGet(), clock.instant(), "NDRC-ORDER-36", "CN-SC-2019.2026-v2",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", JSON.writeValueAsString(node), null);
        try {
            producer.send(CloudEventRecords.toRecord(event, URI.create("/it"))).get();
            if (twice) {
                producer.send(CloudEventRecords.toRecord(event, URI.create("/it"))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return node;
    }

    /**
     * Puts into a DualDeliveryCompleted's {@code decision} the publicity plan case-service would have classified and
     * carried for its tier, penalty types and date (the platform's one classification, this service's configuration).
     */
    public static void carryPlan(ConfigurableApplicationContext app, ObjectNode decision) {
        var types = new java.util.ArrayList<String>();
        decision.get("penaltyTypes").forEach(t -> types.add(t.asString()));
        var plan = app.getBean(PublicityClassifier.class).classify(
                SeverityTier.valueOf(decision.get("severityTier").asString()), types,
                java.time.LocalDate.parse(decision.get("decisionDate").asString()), null);
        decision.set("publicityPlan", JSON.readTree(app.getBean(JsonMapper.class).writeValueAsString(plan)));
    }

    /** The records of {@code type} about {@code subject} seen so far on the probed topics. */
    public List<ConsumerRecord<String, byte[]>> seen(EventType type, String subject) {
        return probe.poll().stream().filter(r -> type.ceType().equals(TopicProbe.header(r, "ce_type"))
                && subject.equals(TopicProbe.header(r, "ce_subject"))).toList();
    }

    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    public <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    @Override
    public void close() {
        producer.close();
        probe.close();
        app.close();
    }
}
