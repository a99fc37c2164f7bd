package cn.gov.eco.notice.delivery;

import cn.gov.eco.contracts.Topics;
import cn.gov.eco.notice.NoticeProperties;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.delivery.infrastructure.PdfDocumentRendering;
import cn.gov.eco.notice.document.DocumentRenderer;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
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
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, "no silent stuck work" and row 4, against the running notice-service and a real broker: a decision
 * notice-service cannot process shows up in {@code GET /api/operations/stuck} with the case and the reason, a replay
 * after the fix serves it exactly once; a record reusing an applied {@code ce_id} with other content, or whose key
 * does not match its payload, is dead-lettered and listed, and nothing is served for it.
 */
class StuckWorkIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE = "notice-stuck-it-" + RUN;
    private static final AtomicBoolean BROKEN = new AtomicBoolean();
    private static final AtomicInteger RENDERED = new AtomicInteger();
    private static ConfigurableApplicationContext app;
    private static KafkaProducer<String, byte[]> producer;
    private static MongoClient mongo;
    private static Http http;

    /** The real renderer, which fails while {@link #BROKEN}: as when the seal's signing key is unavailable. */
    @Configuration
    static class BreakableRendering {
        @Bean
        @Primary
        DocumentRendering breakableDocumentRendering(DocumentRenderer renderer, NoticeProperties props) {
            var real = new PdfDocumentRendering(renderer, props.agency());
            return (PenaltyDecidedMessage decided, ClassifiedPlan plan, String noticeNumber) -> {
                if (BROKEN.get()) {
                    throw new IllegalStateException("the seal's signing key is unavailable");
                }
                RENDERED.incrementAndGet();
                return real.render(decided, plan, noticeNumber);
            };
        }
    }

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        app = new SpringApplicationBuilder(NoticeServiceApplication.class, DualDeliveryIT.FakeChannelConfiguration.class,
                BreakableRendering.class)
                .properties("spring.config.name=" + NoticeServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=" + DATABASE,
                        "--spring.kafka.consumer.group-id=notice-stuck-it-" + RUN,
                        "--notice.seal.dev-keystore-dir=target/notice-seal-stuck-it-" + RUN));
        http = Http.localhost(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                .as(Persona.OFFICER_LIN);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        mongo = MongoClients.create(infra.mongoUri());
    }

    @AfterAll
    static void stop() {
        producer.close();
        mongo.close();
        app.close();
    }

    private static void publish(OutboxEvent e) throws Exception {
        producer.send(CloudEventRecords.toRecord(e, URI.create("/case-service"))).get();
    }

    private static JsonNode stuckItemFor(String subject) {
        var r = http.get("/api/operations/stuck");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(r.body())) {
            if (subject.equals(item.path("subject").asString(null))) {
                return item;
            }
        }
        return null;
    }

    @Test
    void shouldListADecisionThatCouldNotBeProcessedAndServeItOnceWhenReplayedAfterTheFix() throws Exception {
        String caseId = "stuck-" + UUID.randomUUID();
        BROKEN.set(true);
        publish(DualDeliveryIT.goldenPenaltyDecided(caseId, "泉环罚〔2026〕701号"));

        await().atMost(Duration.ofSeconds(60)).until(() -> stuckItemFor(caseId) != null);
        JsonNode item = stuckItemFor(caseId);
        assertThat(item.get("kind").asString()).isEqualTo("DEAD_LETTER");
        assertThat(item.get("ceType").asString()).isEqualTo("cn.gov.eco.enforcement.PenaltyDecided.v1");
        assertThat(item.get("reason").asString()).contains("signing key is unavailable");
        assertThat(item.get("reasonZh").asString()).isNotBlank();
        assertThat(item.get("actionZh").asString()).contains("重放");
        assertThat(http.get("/api/deliveries/" + caseId).statusCode()).as("not served while stuck").isEqualTo(404);
        assertThat(http.as(Persona.ENTERPRISE_A).get("/api/operations/stuck").statusCode()).isEqualTo(403);
        String path = "/api/operations/stuck/" + item.get("id").asString() + "/replay";
        assertThat(http.as(Persona.AUDITOR).send("POST", path, null, null).statusCode())
                .as("auditors see the queue but do not change anything").isEqualTo(403);

        var stillBroken = http.send("POST", path, null, null);
        assertThat(stillBroken.statusCode()).as("a replay before the fix fails, is recorded, and keeps the item")
                .isEqualTo(409);
        assertThat(stuckItemFor(caseId)).isNotNull();

        BROKEN.set(false); // the fix: the signing key is back
        int before = RENDERED.get();
        var replayed = http.send("POST", path, null, null);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).get("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(http.get("/api/deliveries/" + caseId).statusCode()).isEqualTo(200);
        var again = http.send("POST", path, null, null);
        assertThat(JSON.readTree(again.body()).get("outcome").asString()).isEqualTo("ALREADY_REPLAYED");
        assertThat(RENDERED.get() - before).as("served once: one pair rendered").isEqualTo(1);
        assertThat(stuckItemFor(caseId)).as("off the queue").isNull();
        var record = mongo.getDatabase(DATABASE).getCollection("dead_letters")
                .find(Filters.eq("subject", caseId)).first();
        assertThat(record.getList("replays", org.bson.Document.class)).extracting(d -> d.getBoolean("succeeded"))
                .containsExactly(false, true);
        assertThat(record.getList("replays", org.bson.Document.class)).allSatisfy(
                d -> assertThat(d.getString("by")).isEqualTo("officer-lin"));
    }

    @Test
    void shouldDeadLetterAnAppliedCeIdReusedForAnotherCaseAndServeNothingForIt() throws Exception {
        String real = "real-" + UUID.randomUUID();
        OutboxEvent applied = DualDeliveryIT.goldenPenaltyDecided(real, "泉环罚〔2026〕702号");
        publish(applied);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/deliveries/" + real).statusCode() == 200);

        String forged = "forged-" + UUID.randomUUID();
        OutboxEvent other = DualDeliveryIT.goldenPenaltyDecided(forged, "泉环罚〔2026〕703号");
        publish(new OutboxEvent(applied.eventId(), other.ceType(), other.topic(), other.key(), other.subject(),
                other.sequence(), other.time(), other.ruleSetId(), other.calendarVersion(), other.traceparent(),
                other.payloadJson(), null));

        await().atMost(Duration.ofSeconds(60)).until(() -> stuckItemFor(forged) != null);
        assertThat(stuckItemFor(forged).get("reason").asString()).contains("already applied with different content");
        assertThat(http.get("/api/deliveries/" + forged).statusCode()).isEqualTo(404);

        String mismatched = "mismatch-" + UUID.randomUUID();
        OutboxEvent m = DualDeliveryIT.goldenPenaltyDecided(mismatched, "泉环罚〔2026〕704号");
        String subject = "subject-" + UUID.randomUUID();
        publish(new OutboxEvent(m.eventId(), m.ceType(), m.topic(), subject, subject, m.sequence(), m.time(),
                m.ruleSetId(), m.calendarVersion(), m.traceparent(), m.payloadJson(), null));
        await().atMost(Duration.ofSeconds(60)).until(() -> stuckItemFor(subject) != null);
        assertThat(stuckItemFor(subject).get("reason").asString()).contains("does not match the payload");
        assertThat(http.get("/api/deliveries/" + mismatched).statusCode()).isEqualTo(404);
        assertThat(Topics.ENFORCEMENT_CASE.deadLetterTopic()).isEqualTo("enforcement.case.v1.dlt");
    }
}
