package cn.gov.eco.credit.publicity;

import cn.gov.eco.platform.publicity.ClassificationRules;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.credit.support.CreditServiceHarness;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.CreditServiceApplication;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.testsupport.ConsumerLag;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** credit-service fed the golden {@code DualDeliveryCompleted.v1} sample through the real broker and listener. */
class PublicityOpeningIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "credit-it-" + RUN;
    /** A made-up, check-valid code of this run's own enterprise (DOMAIN.md §6 example codes are shared). */
    private static final String USCC = "91350521MA34AB123H";
    private static ConfigurableApplicationContext app;
    private static TopicProbe probe;
    private static KafkaProducer<String, byte[]> producer;

    /** The day the tests run: 2026-11-23 (Asia/Shanghai). */
    @Configuration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        app = new SpringApplicationBuilder(CreditServiceApplication.class, FixedClock.class)
                .properties("spring.config.name=" + CreditServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=credit-it-" + RUN,
                        "--spring.kafka.consumer.group-id=" + GROUP));
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.CREDIT_PUBLICITY.name()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        probe.close();
        app.close();
    }

    static Http http() {
        return Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                .as(Persona.CREDIT_REVIEWER);
    }

    static void publishGolden(String caseId, String decisionDate, String tier) throws Exception {
        publishGolden(caseId, decisionDate, tier, null);
    }

    /** @param served the publicity plan the served notice printed, or null for the one this configuration gives */
    static void publishGolden(String caseId, String decisionDate, String tier, ObjectNode served) throws Exception {
        String sample = new String(PublicityOpeningIT.class.getResourceAsStream(
                EventTypes.DUAL_DELIVERY_COMPLETED.sampleResource()).readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode node = (ObjectNode) JSON.readTree(sample);
        node.put("caseId", caseId);
        node.put("deliveryId", caseId);
        node.put("uscc", USCC);
        ((ObjectNode) node.get("decision")).put("decisionDate", decisionDate);
        ((ObjectNode) node.get("decision")).put("severityTier", tier);
        if (served == null) {
            CreditServiceHarness.carryPlan(app, (ObjectNode) node.get("decision"));
        } else {
            ((ObjectNode) node.get("decision")).set("publicityPlan", served);
            ((ObjectNode) node.get("decision")).set("penaltyTypes", served.at("/classification/penaltyTypes"));
        }
        var event = new OutboxEvent(UUID.randomUUID().toString(), EventTypes.DUAL_DELIVERY_COMPLETED.ceType(),
                Topics.NOTICE_DELIVERY.name(), caseId, caseId, 2, Instant.now(), "NDRC-ORDER-36",
                "CN-SC-2019.2026-v2", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                JSON.writeValueAsString(node), null);
        producer.send(CloudEventRecords.toRecord(event, URI.create("/notice-service"))).get();
        producer.send(CloudEventRecords.toRecord(event, URI.create("/notice-service"))).get(); // redelivered
    }

    static JsonNode recordOf(String caseId) {
        return JSON.readTree(http().get("/api/enterprises/" + USCC + "/publicity-records").body()).get("records")
                .valueStream().filter(r -> r.get("caseId").asString().equals(caseId)).findFirst().orElse(null);
    }

    @Test
    void shouldOpenTheRecordWithTheOrder36DatesOnceEvenWhenTheEventIsRedelivered() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publishGolden(caseId, "2026-11-20", "SERIOUS");
        await().atMost(Duration.ofSeconds(60)).until(() -> recordOf(caseId) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerLag.of(TestInfrastructure.get()
                .kafkaBootstrapServers(), GROUP, Topics.NOTICE_DELIVERY.name()) == 0);

        JsonNode record = recordOf(caseId);
        assertThat(record.get("status").asString()).isEqualTo("PUBLISHED_MIN_RUNNING");
        // Serious tier under Order 36: minimum 1 year, maximum 3 years from the decision date.
        assertThat(record.at("/plan/minPeriodEnd/date").asString()).isEqualTo("2027-11-20");
        assertThat(record.at("/plan/earliestApplicationDate/date").asString()).isEqualTo("2027-11-21");
        assertThat(record.at("/plan/maxPeriodEnd/date").asString()).isEqualTo("2029-11-20");
        assertThat(record.at("/plan/minPeriodEnd/derivation/rule/id").asString()).isEqualTo("T25-MIN");

        await().atMost(Duration.ofSeconds(20)).until(() -> opened(caseId).size() == 1);
        var events = opened(caseId);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().key()).isEqualTo(USCC);
        assertThat(new EventSchemas().errors(EventTypes.PUBLICITY_OPENED,
                new String(events.getFirst().value(), StandardCharsets.UTF_8))).isEmpty();
        long records = JSON.readTree(http().get("/api/enterprises/" + USCC + "/publicity-records").body())
                .get("records").valueStream().filter(r -> r.get("caseId").asString().equals(caseId)).count();
        assertThat(records).isEqualTo(1);
    }

    /**
     * The served notice is the legal act: when this service's configuration would now plan a decision differently
     * than the plan served (a configuration changed between service and opening), the record opens as served and
     * the difference waits in a queue for a legal reviewer — never a silent republication with other dates.
     */
    @Test
    void shouldOpenTheRecordAsServedAndFlagADifferentPlanForALegalReviewer() throws Exception {
        String caseId = UUID.randomUUID().toString();
        // served under a configuration without the penalty types' tiers: 吊销许可证件 printed as general
        var served = new PublicityClassifier(app.getBean(PublicityClassifier.class).periods(),
                new ClassificationRules(null, null, null), false).classify(SeverityTier.GENERAL,
                List.of("FINE", "REVOCATION_OF_LICENCE"), LocalDate.parse("2026-11-20"), null);
        publishGolden(caseId, "2026-11-20", "GENERAL",
                (ObjectNode) JSON.readTree(app.getBean(JsonMapper.class).writeValueAsString(served)));
        await().atMost(Duration.ofSeconds(60)).until(() -> recordOf(caseId) != null);

        JsonNode record = recordOf(caseId);
        assertThat(record.at("/plan/tier").asString()).isEqualTo("GENERAL");
        assertThat(record.at("/plan/earliestApplicationDate/date").asString()).isEqualTo("2027-02-21");
        assertThat(record.at("/plan/maxPeriodEnd/date").asString()).isEqualTo("2027-11-20");
        assertThat(record.at("/planReview/differences").valueStream().map(d -> d.get("field").asString()).toList())
                .contains("appliedTier", "earliestApplicationDate", "maxPeriodEnd");
        assertThat(record.at("/planReview/recomputed/plan/maxPeriodEnd/date").asString()).isEqualTo("2029-11-20");

        JsonNode queue = JSON.readTree(http().get("/api/publicity-records/plan-differences").body());
        assertThat(queue.get("records").valueStream().map(r -> r.get("caseId").asString())).contains(caseId);
        var reviewed = http().as(Persona.LEGAL_REVIEWER).postJson("/api/publicity-records/" + caseId
                + "/plan-review", "{\"note\":\"按已送达告知书公示；更正须重新送达\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(JSON.readTree(http().get("/api/publicity-records/plan-differences").body()).get("records")
                .valueStream().map(r -> r.get("caseId").asString())).doesNotContain(caseId);
        assertThat(recordOf(caseId).at("/plan/maxPeriodEnd/date").asString()).as("still as served")
                .isEqualTo("2027-11-20");
        var again = http().as(Persona.LEGAL_REVIEWER).postJson("/api/publicity-records/" + caseId + "/plan-review",
                "{}");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void shouldNotPublishAMinorTierDecisionUnderOrder36() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publishGolden(caseId, "2026-05-06", "MINOR"); // DOMAIN.md §9 #23
        await().atMost(Duration.ofSeconds(60)).until(() -> recordOf(caseId) != null);
        assertThat(recordOf(caseId).get("status").asString()).isEqualTo("NOT_PUBLISHED");
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.poll().stream().anyMatch(r ->
                EventTypes.PUBLICITY_NOT_PUBLISHED.ceType().equals(TopicProbe.header(r, "ce_type"))
                        && caseId.equals(TopicProbe.header(r, "ce_subject"))));
    }

    @Test
    void shouldRejectAMalformedUsccInTheUrlWithProblemJson() {
        var response = http().get("/api/enterprises/91350500MA2Y0001OX/publicity-records");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("USCC_CHARSET");
        // an enterprise no test publishes for (the broker is shared by this JVM's tests)
        var other = JSON.readTree(http().get("/api/enterprises/91350582MA8R000999/publicity-records").body());
        assertThat(other.get("records").size()).isZero();
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> opened(String caseId) {
        return probe.poll().stream().filter(r -> EventTypes.PUBLICITY_OPENED.ceType().equals(TopicProbe.header(r, "ce_type"))
                && caseId.equals(TopicProbe.header(r, "ce_subject"))).toList();
    }
}
