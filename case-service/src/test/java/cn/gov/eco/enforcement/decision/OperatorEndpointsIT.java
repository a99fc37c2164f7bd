package cn.gov.eco.enforcement.decision;

import cn.gov.eco.contracts.Topics;
import cn.gov.eco.testsupport.AlertRules;
import cn.gov.eco.testsupport.ContractLint;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.Scrape;
import cn.gov.eco.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and integrators read from a running case-service: the OpenAPI document (linted by Redocly CLI's
 * recommended ruleset), {@code /actuator/prometheus} with the lifecycle meters, and a dead-lettered record raising
 * the dead-letter alert (evaluated by promtool against the scraped values).
 */
class OperatorEndpointsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static String baseUrl;

    @BeforeAll
    static void startService() {
        app = DecisionRecordingIT.start("case-ops-it-" + UUID.randomUUID());
        baseUrl = "http://localhost:" + DecisionRecordingIT.port(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldServeAnOpenApiDocumentWithRealInformationThatRedoclyAccepts() throws Exception {
        var document = ContractLint.servedOpenApi(DecisionRecordingIT.port(app), "case-service");
        JsonNode api = JSON.readTree(Files.readString(document, StandardCharsets.UTF_8));
        assertThat(api.at("/info/title").asString()).isEqualTo("case-service API");
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("http://localhost:8080");
        assertThat(api.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        JsonNode record = api.at("/paths/~1api~1cases~1decisions/post");
        assertThat(record.at("/responses/201/content").has("application/json")).as(record.toString()).isTrue();
        assertThat(record.at("/responses/400/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(record.at("/requestBody/content").has("application/json")).isTrue();
        assertThat(api.toString()).doesNotContain("*/*").doesNotContain("OpenAPI definition");

        var lint = ContractLint.redocly(document);
        assertThat(lint.errors()).as(lint.report()).isZero();
        assertThat(lint.warnings()).as("fixed, or justified in contracts/lint/redocly.yaml: " + lint.report()).isZero();
    }

    @Test
    void shouldPublishTheLifecycleMetersWithoutPersonalData() throws Exception {
        Scrape before = Scrape.of(baseUrl);
        assertThat(before.has("lifecycle_outbox_pending", "collection", "cases", "application", "case-service"))
                .isTrue();
        assertThat(before.has("lifecycle_outbox_oldest_pending_age_seconds")).isTrue();
        assertThat(before.has("lifecycle_outbox_parked")).isTrue();
        for (var t : Topics.ALL) {
            assertThat(before.has("lifecycle_dlt_records", "topic", t.deadLetterTopic())).as(t.name()).isTrue();
        }
        assertThat(before.names()).contains("jvm_memory_used_bytes");
        double decided = before.sum("lifecycle_decisions_accepted_total", "kind", "penalty");

        var answer = Http.localhost(DecisionRecordingIT.port(app)).as(Persona.OFFICER_LIN)
                .postJson("/api/cases/decisions", DecisionRecordingIT.example("泉环罚〔2026〕301号"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Scrape after = Scrape.of(baseUrl);
            assertThat(after.sum("lifecycle_decisions_accepted_total", "kind", "penalty", "severity", "GENERAL"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.sum("lifecycle_decisions_accepted_total", "kind", "penalty")).isEqualTo(decided + 1);
            assertThat(after.sum("lifecycle_events_published_total", "type",
                    "cn.gov.eco.enforcement.PenaltyDecided.v1")).isGreaterThanOrEqualTo(1);
            assertThat(after.has("lifecycle_consumer_lag", "topic", Topics.NOTICE_DELIVERY.name())).isTrue();
            assertThat(after.names()).contains("http_server_requests_seconds_count",
                    "mongodb_driver_commands_seconds_count", "kafka_producer_record_send_total");
        });
        String text = String.join("\n", Scrape.of(baseUrl).series().keySet());
        assertThat(text).doesNotContain("91350500MA2Y0001XX").doesNotContain("泉环罚");
    }

    @Test
    void shouldRaiseTheDeadLetterAlertWhenARecordIsDeadLettered() throws Exception {
        String dlt = Topics.NOTICE_DELIVERY.deadLetterTopic();
        var sampler = app.getBean(cn.gov.eco.platform.observability.MetricsSampler.class);
        sampler.sampleNow();
        double before = Scrape.of(baseUrl).sum("lifecycle_dlt_records", "topic", dlt);

        // not a CloudEvent: case-service's listener on notice.delivery.v1 sends it straight to the dead-letter topic
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.NOTICE_DELIVERY.name(), "case-poison-" + UUID.randomUUID(),
                    "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            sampler.sampleNow();
            Scrape s = Scrape.of(baseUrl);
            assertThat(s.sum("lifecycle_dlt_published_total", "topic", dlt)).isGreaterThanOrEqualTo(1);
            assertThat(s.sum("lifecycle_dlt_records", "topic", dlt)).isGreaterThan(before);
        });
        double after = Scrape.of(baseUrl).sum("lifecycle_dlt_records", "topic", dlt);
        String series = "lifecycle_dlt_records{application=\"case-service\",topic=\"" + dlt + "\"}";
        // the rule's expression, as Prometheus evaluates it, on the values scraped before and after: it returns
        // the topic with the records that appeared, so the alert fires
        AlertRules.promtoolExpectsFiring(series, List.of(before, before, after, after, after),
                "LifecycleDeadLetterAppeared", "{topic=\"" + dlt + "\"}", after - before);
    }
}
