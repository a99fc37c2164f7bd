package cn.gov.eco.notice.delivery;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.testsupport.ConsumerLag;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestTokens;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notice-service fed the golden {@code PenaltyDecided.v1} sample through the real broker and listener (the
 * consumer side of the contract), redelivery, and a poison record on its input topic.
 */
class DualDeliveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "notice-it-" + RUN;
    private static ConfigurableApplicationContext app;
    private static TopicProbe probe;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        app = new SpringApplicationBuilder(NoticeServiceApplication.class)
                .properties("spring.config.name=" + NoticeServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=notice-it-" + RUN,
                        "--spring.kafka.consumer.group-id=" + GROUP));
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.NOTICE_DELIVERY.name(),
                Topics.ENFORCEMENT_CASE.deadLetterTopic()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        probe.close();
        app.close();
    }

    /** The golden sample, for a fresh case id, as case-service would publish it. */
    static OutboxEvent goldenPenaltyDecided(String caseId, String documentNumber) throws Exception {
        String sample = new String(DualDeliveryIT.class.getResourceAsStream(EventTypes.PENALTY_DECIDED.sampleResource())
                .readAllBytes(), StandardCharsets.UTF_8);
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(sample);
        node.put("caseId", caseId);
        node.put("documentNumber", documentNumber);
        node.put("decisionDate", "2025-03-10"); // DOMAIN.md §9 #18, under the Order 58 rule set
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.PENALTY_DECIDED.ceType(),
                Topics.ENFORCEMENT_CASE.name(), caseId, caseId, 1, Instant.now(), "none", "CN-SC-2025.2026-v1",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", JSON.writeValueAsString(node), null);
    }

    static void publish(OutboxEvent e) throws Exception {
        producer.send(CloudEventRecords.toRecord(e, URI.create("/case-service"))).get();
    }

    static Http http() {
        return Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                .as(Persona.OFFICER_LIN);
    }

    @Test
    void shouldServeBothDocumentsInOneActForTheGoldenSampleAndOnlyOnceWhenRedelivered() throws Exception {
        String caseId = UUID.randomUUID().toString();
        OutboxEvent event = goldenPenaltyDecided(caseId, "泉环罚〔2026〕301号");
        publish(event);
        publish(event); // the same ce_id again: a redelivery

        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/deliveries/" + caseId).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(TestInfrastructure.get().kafkaBootstrapServers(), GROUP, Topics.ENFORCEMENT_CASE.name()) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.poll().stream().anyMatch(r -> caseId.equals(r.key())
                && EventTypes.DUAL_DELIVERY_COMPLETED.ceType().equals(TopicProbe.header(r, "ce_type"))));
        var completed = probe.poll().stream().filter(r -> caseId.equals(r.key())
                && EventTypes.DUAL_DELIVERY_COMPLETED.ceType().equals(TopicProbe.header(r, "ce_type"))).toList();
        assertThat(completed).hasSize(1);
        String payload = new String(completed.getFirst().value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(EventTypes.DUAL_DELIVERY_COMPLETED, payload)).isEmpty();
        var body = JSON.readTree(payload);
        assertThat(body.get("documents").size()).isEqualTo(2);
        assertThat(body.at("/serviceAct/method").asString()).isEqualTo("ELECTRONIC");
        assertThat(body.at("/decision/decisionDate").asString()).isEqualTo("2025-03-10");

        var db = app.getBean(MongoDatabase.class);
        assertThat(db.getCollection(DeliveryRepository.COLLECTION).countDocuments(new Document("_id", caseId))).isEqualTo(1);
        assertThat(db.getCollection(DocumentStore.COLLECTION).countDocuments(new Document("caseId", caseId))).isEqualTo(2);

        // The golden sample's decision: general tier decided 2025-03-10 (Order 58 rule set) → repair from 2025-06-11.
        var notice = http().getBytes("/api/deliveries/" + caseId + "/documents/" + caseId + "-notice");
        assertThat(notice.statusCode()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(notice.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("泉环信修〔2026〕301号", "泉环罚〔2026〕301号", "2025年6月11日", "2025年6月10日",
                    "2026年3月10日");
        }
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithItsCoordinatesAndKeepConsuming() throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        var poison = new ProducerRecord<String, byte[]>(Topics.ENFORCEMENT_CASE.name(), "poison-" + RUN,
                "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        var sent = producer.send(poison).get();
        String caseId = UUID.randomUUID().toString();
        publish(goldenPenaltyDecided(caseId, "泉环罚〔2026〕302号"));

        await().atMost(Duration.ofSeconds(60)).until(() -> probe.poll().stream()
                .anyMatch(r -> r.topic().equals(Topics.ENFORCEMENT_CASE.deadLetterTopic())
                        && ("poison-" + RUN).equals(r.key())));
        var dead = probe.poll().stream().filter(r -> r.topic().equals(Topics.ENFORCEMENT_CASE.deadLetterTopic())
                && ("poison-" + RUN).equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ENFORCEMENT_CASE.name());
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(dead.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        String exception = TopicProbe.header(dead, "kafka_dlt-exception-fqcn") + " "
                + TopicProbe.header(dead, "kafka_dlt-exception-cause-fqcn") + " "
                + TopicProbe.header(dead, "kafka_dlt-exception-message");
        assertThat(exception).contains("PoisonRecordException");
        assertThat(sent.offset()).isNotNegative();

        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/deliveries/" + caseId).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerLag.of(bootstrap, GROUP, Topics.ENFORCEMENT_CASE.name()) == 0);
    }

    @Test
    void shouldAnswerAnUnknownDeliveryWithProblemJson() {
        var response = http().get("/api/deliveries/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
