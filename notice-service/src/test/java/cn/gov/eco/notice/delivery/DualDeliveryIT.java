package cn.gov.eco.notice.delivery;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.signature.SealKey;
import cn.gov.eco.notice.signature.SealVerification;
import cn.gov.eco.notice.signature.SealVerifier;
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
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import cn.gov.eco.notice.channel.ElectronicArrivals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notice-service fed the golden {@code PenaltyDecided.v1} sample through the real broker and listener (the
 * consumer side of the contract), redelivery, and a poison record on its input topic; the electronic seal on the
 * stored documents and its endpoints over real HTTP.
 */
class DualDeliveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "notice-it-" + RUN;
    private static ConfigurableApplicationContext app;
    private static TopicProbe probe;
    private static KafkaProducer<String, byte[]> producer;
    private static final int MAX_UPLOAD_KB = 256;
    private static final int MAX_EVIDENCE_KB = 64;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        var infra = TestInfrastructure.get();
        app = new SpringApplicationBuilder(NoticeServiceApplication.class, FakeChannelConfiguration.class)
                .properties("spring.config.name=" + NoticeServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(), "--spring.mongodb.database=notice-it-" + RUN,
                        "--spring.kafka.consumer.group-id=" + GROUP,
                        "--notice.seal.dev-keystore-dir=target/notice-seal-it-" + RUN,
                        "--notice.seal.verification-max-size=" + MAX_UPLOAD_KB + "KB",
                        "--notice.delivery.evidence-max-size=" + MAX_EVIDENCE_KB + "KB"));
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(Topics.NOTICE_DELIVERY.name(),
                Topics.ENFORCEMENT_CASE.deadLetterTopic()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        // the golden sample's enterprise consented to electronic service online (送达地址确认书)
        var consent = http().as(Persona.ENTERPRISE_A).send("PUT", "/api/deliveries/consents/" + Persona.USCC_A,
                "application/json", "{\"channel\":\"e-delivery-platform\",\"address\":\"qingyuan@edelivery.example.cn\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
    }

    /**
     * The in-memory platform in place of the HTTP adapter: it takes each delivery once and reports the arrival a
     * moment later through {@link ElectronicArrivals}, with its own time, as the real platform's callback does.
     */
    @Configuration
    static class FakeChannelConfiguration {
        /** Wins over the HTTP adapter: this test is about the delivery, ElectronicChannelIT about the channel. */
        @Bean
        @org.springframework.context.annotation.Primary
        FakeElectronicChannel fakeElectronicDeliveryChannel(Clock clock, ObjectProvider<ElectronicArrivals> arrivals) {
            var channel = new FakeElectronicChannel(clock);
            channel.onDelivered(d -> CompletableFuture.runAsync(() -> arrivals.getObject().arrived(d.deliveryId(),
                    "msg-" + d.deliveryId(), clock.instant()), CompletableFuture.delayedExecutor(50,
                    TimeUnit.MILLISECONDS)));
            return channel;
        }
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
        // the plan case-service classifies once for this decision and carries (the platform's one classification)
        var plan = DeliveryWorld.CLASSIFIER.classify(cn.gov.eco.platform.publicity.SeverityTier.GENERAL,
                java.util.List.of("FINE"), java.time.LocalDate.parse("2025-03-10"), null);
        node.set("publicityPlan", JSON.readTree(JSON.writeValueAsString(plan)));
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.PENALTY_DECIDED.ceType(),
                Topics.ENFORCEMENT_CASE.name(), caseId, caseId, 1, Instant.now(), "none", "CN-SC-2019.2026-v2",
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

        // both stored documents carry the agency's seal, and it verifies
        var decision = http().getBytes("/api/deliveries/" + caseId + "/documents/" + caseId + "-decision");
        SealVerifier verifier = app.getBean(SealVerifier.class);
        for (byte[] stored : List.of(decision.body(), notice.body())) {
            try (var pdf = Loader.loadPDF(stored)) {
                PDSignature seal = pdf.getSignatureDictionaries().getFirst();
                assertThat(seal.getName()).isEqualTo("泉州市生态环境局");
                assertThat(seal.getReason()).isEqualTo("电子印章 / electronic seal");
                assertThat(seal.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            }
            SealVerification v = verifier.verify(stored);
            assertThat(v.valid()).as(v.reasons().toString()).isTrue();
            assertThat(v.signerSubject()).isEqualTo("CN=泉州市生态环境局 电子印章（开发用）,O=泉州市生态环境局,C=CN");
        }
        var answer = postPdf(decision.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        var verification = JSON.readTree(answer.body());
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("signerName").asString()).isEqualTo("泉州市生态环境局");
    }

    @Test
    void shouldPublishTheSealCertificateAndVerifyUploadsOverHttp() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publish(goldenPenaltyDecided(caseId, "泉环罚〔2026〕303号"));
        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/deliveries/" + caseId).statusCode() == 200);
        byte[] decision = http().getBytes("/api/deliveries/" + caseId + "/documents/" + caseId + "-decision").body();

        // the certificate, for verifying offline, is the one the service signs with
        var pem = http().getBytes("/api/deliveries/seal-certificate");
        assertThat(pem.statusCode()).isEqualTo(200);
        assertThat(pem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-pem-file");
        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.body()));
        assertThat(certificate).isEqualTo(app.getBean(SealKey.class).certificate());
        assertThat(pem.headers().firstValue("X-Certificate-SHA256")).contains(app.getBean(SealKey.class).fingerprint());

        // a tampered copy is a normal answer: valid false, and why
        byte[] tampered = decision.clone();
        tampered[10] ^= 0x01;
        var modified = postMultipart("file", "决定书.pdf", tampered);
        assertThat(modified.statusCode()).isEqualTo(200);
        var body = JSON.readTree(modified.body());
        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.at("/reasons/0/code").asString()).isEqualTo("MODIFIED_AFTER_SIGNING");
        assertThat(body.at("/reasons/0/messageZh").asString()).startsWith("文档在签名后被修改");

        // the genuine one, uploaded as a browser form would
        var genuine = postMultipart("file", "决定书.pdf", decision);
        assertThat(JSON.readTree(genuine.body()).get("valid").asBoolean()).isTrue();

        // not a PDF at all: 400 problem+json naming the field and the rule
        var notPdf = postPdf("这不是PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(notPdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        var problem = JSON.readTree(notPdf.body());
        assertThat(problem.at("/violations/0/field").asString()).isEqualTo("body");
        assertThat(problem.at("/violations/0/rule").asString()).isEqualTo("NOT_A_PDF");
        assertThat(problem.at("/violations/0/messageZh").asString()).contains("不是PDF文件");
        assertThat(JSON.readTree(postMultipart("file", "a.txt", "hello".getBytes(StandardCharsets.UTF_8)).body())
                .at("/violations/0/field").asString()).isEqualTo("file");

        // over the configured limit: 413 problem+json, for the body and for an upload
        byte[] big = new byte[(MAX_UPLOAD_KB + 1) * 1024];
        System.arraycopy(decision, 0, big, 0, decision.length);
        for (var tooLarge : List.of(postPdf(big), postMultipart("file", "big.pdf", big))) {
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(JSON.readTree(tooLarge.body()).get("rule").asString()).isEqualTo("PDF_TOO_LARGE");
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> postPdf(byte[] pdf) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/deliveries/verifications"))
                .header("Authorization", "Bearer " + TestTokens.get().token(Persona.ENTERPRISE_A))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postMultipart(String field, String filename, byte[] content) throws Exception {
        String boundary = "----seal" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri("/api/deliveries/verifications"))
                .header("Authorization", "Bearer " + TestTokens.get().token(Persona.ENTERPRISE_A))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

    static OutboxEvent penaltyDecidedFor(String caseId, String documentNumber, String uscc) throws Exception {
        OutboxEvent e = goldenPenaltyDecided(caseId, documentNumber);
        return new OutboxEvent(e.eventId(), e.ceType(), e.topic(), e.key(), e.subject(), e.sequence(), e.time(),
                e.ruleSetId(), e.calendarVersion(), e.traceparent(), e.payloadJson().replace(Persona.USCC_A, uscc),
                null);
    }

    static Http as(Persona p) {
        return http().as(p);
    }

    static HttpResponse<String> json(Persona p, String method, String path, String body) {
        return as(p).send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> upload(Persona p, String uscc, String filename, byte[] content) throws Exception {
        String boundary = "----evidence" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uscc\"\r\n\r\n" + uscc + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as(p).send("POST", "/api/deliveries/evidence", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static tools.jackson.databind.JsonNode delivery(String caseId) {
        return JSON.readTree(http().get("/api/deliveries/" + caseId).body());
    }

    static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> events(String caseId,
                                                                                         cn.gov.eco.contracts.EventType type) {
        return probe.poll().stream().filter(r -> caseId.equals(r.key())
                && type.ceType().equals(TopicProbe.header(r, "ce_type"))).toList();
    }

    @Test
    void shouldLetAnOfficerServeBothDocumentsDirectlyOnAnUploadedReceiptWhenThereIsNoConsent() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publish(penaltyDecidedFor(caseId, "泉环罚〔2026〕311号", Persona.USCC_B));
        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/deliveries/" + caseId).statusCode() == 200);
        assertThat(delivery(caseId).at("/delivery/status").asString()).isEqualTo("PREPARED");
        assertThat(delivery(caseId).get("served").asBoolean()).isFalse();

        // evidence: judged by content, not by name
        var notAnImage = upload(Persona.OFFICER_LIN, Persona.USCC_B, "回证.png", "plain text".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAnImage.body()).at("/violations/0/rule").asString()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(upload(Persona.ENTERPRISE_B, Persona.USCC_B, "回证.png", PNG).statusCode()).isEqualTo(403);
        byte[] large = new byte[(MAX_EVIDENCE_KB + 1) * 1024];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        var tooLarge = upload(Persona.OFFICER_LIN, Persona.USCC_B, "回证.png", large);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("rule").asString()).isEqualTo("EVIDENCE_TOO_LARGE");
        byte[] huge = new byte[(MAX_UPLOAD_KB + 80) * 1024]; // over the multipart limit itself
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        assertThat(upload(Persona.OFFICER_LIN, Persona.USCC_B, "回证.png", huge).statusCode()).isEqualTo(413);
        assertThat(upload(Persona.OFFICER_LIN, "91350500MA2Y0001OX", "回证.png", PNG).statusCode()).isEqualTo(400);
        var uploaded = upload(Persona.OFFICER_LIN, Persona.USCC_B, "送达回证.png", PNG);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        var evidence = JSON.readTree(uploaded.body());
        assertThat(evidence.get("contentType").asString()).isEqualTo("image/png");
        String evidenceId = evidence.get("evidenceId").asString();

        // a receipt without signer, capacity and scan: 400 naming each field, nothing stored
        var bad = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/receipts",
                "{\"method\":\"DIRECT\",\"servedOn\":\"2025-03-12\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(bad.body()).get("violations").findValuesAsString("field"))
                .contains("signerName", "signerRole", "evidenceIds");
        // an electronic "receipt" typed in by hand: refused (the arrival comes from the channel)
        var typedIn = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/receipts",
                "{\"method\":\"ELECTRONIC\",\"servedOn\":\"2025-03-12\"}");
        assertThat(JSON.readTree(typedIn.body()).get("violations").findValuesAsString("rule"))
                .contains("ARRIVAL_FROM_CHANNEL_ONLY");
        // malformed JSON, an unknown method, a method that is not started on its own: 400, never 500
        for (String wrong : List.of("{\"method\":", "{\"method\":\"TELEPATHY\"}", "{\"method\":\"PUBLIC_NOTICE\"}")) {
            var answer = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/attempts", wrong);
            assertThat(answer.statusCode()).as(wrong + " → " + answer.body()).isEqualTo(400);
        }
        // electronic service without a consent: refused
        var noConsent = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/attempts",
                "{\"method\":\"ELECTRONIC\"}");
        assertThat(noConsent.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(noConsent.body()).get("rule").asString()).isEqualTo("NO_ESERVICE_CONSENT");
        assertThat(delivery(caseId).at("/delivery/status").asString()).isEqualTo("PREPARED");
        // no 送达回证 before both are served
        assertThat(as(Persona.ENTERPRISE_B).get("/api/deliveries/" + caseId + "/service-receipt").statusCode())
                .isEqualTo(404);
        // the enterprise cannot record the officer's receipt
        assertThat(json(Persona.ENTERPRISE_B, "POST", "/api/deliveries/" + caseId + "/receipts", "{}").statusCode())
                .isEqualTo(403);

        var served = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/receipts",
                "{\"method\":\"DIRECT\",\"servedOn\":\"2025-03-12\",\"signerName\":\"李海燕\","
                        + "\"signerRole\":\"LEGAL_REPRESENTATIVE\",\"evidenceIds\":[\"" + evidenceId + "\"]}");
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        var view = JSON.readTree(served.body());
        assertThat(view.get("served").asBoolean()).isTrue();
        assertThat(view.at("/delivery/serviceAct/servedDate").asString()).isEqualTo("2025-03-12");
        assertThat(view.at("/delivery/serviceAct/proof/signerName").asString()).isEqualTo("李海燕");

        var receipt = as(Persona.ENTERPRISE_B).get("/api/deliveries/" + caseId + "/service-receipt");
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        var r = JSON.readTree(receipt.body());
        assertThat(r.get("documents").findValuesAsString("documentNumber"))
                .containsExactly("泉环罚〔2026〕311号", "泉环信修〔2026〕311号");
        assertThat(r.get("methodZh").asString()).isEqualTo("直接送达");
        assertThat(r.get("signerRoleZh").asString()).isEqualTo("法定代表人");
        assertThat(r.get("evidenceIds").get(0).asString()).isEqualTo(evidenceId);
        // the same receipt as a sealed PDF, by Accept (送达回证 listing both documents, the method, the date, the evidence)
        HttpResponse<byte[]> receiptPdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + app.getEnvironment().getProperty("local.server.port")
                                + "/api/deliveries/" + caseId + "/service-receipt"))
                        .header("Authorization", "Bearer " + TestTokens.get().token(Persona.ENTERPRISE_B))
                        .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receiptPdf.statusCode()).isEqualTo(200);
        assertThat(receiptPdf.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/pdf"));
        try (var pdf = Loader.loadPDF(receiptPdf.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("— \\d+ —", "").replaceAll("\\s+", "");
            assertThat(text).contains("送达回证", "《行政处罚决定书》泉环罚〔2026〕311号", "泉环信修〔2026〕311号",
                    "送达方式：直接送达", "送达日期：2025年3月12日", "签收人：李海燕（法定代表人）", evidenceId);
            assertThat(pdf.getSignatureDictionaries()).hasSize(1);
        }
        assertThat(as(Persona.ENTERPRISE_A).get("/api/deliveries/" + caseId + "/service-receipt").statusCode())
                .isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).until(() -> !events(caseId, EventTypes.DUAL_DELIVERY_COMPLETED).isEmpty());
        var completed = JSON.readTree(new String(events(caseId, EventTypes.DUAL_DELIVERY_COMPLETED).getFirst().value(),
                StandardCharsets.UTF_8));
        assertThat(completed.at("/serviceAct/method").asString()).isEqualTo("DIRECT");
        assertThat(completed.at("/serviceAct/servedDate").asString()).isEqualTo("2025-03-12");
        assertThat(completed.get("documents").size()).isEqualTo(2);

        // a second receipt for a served delivery: 409, still one completion
        var again = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/receipts",
                "{\"method\":\"POSTAL\",\"servedOn\":\"2025-03-13\",\"trackingNumber\":\"EMS1\","
                        + "\"evidenceIds\":[\"" + evidenceId + "\"]}");
        assertThat(again.statusCode()).isEqualTo(409);
        // the enterprise's confirmation after service is an acknowledgement; the other enterprise is refused
        assertThat(json(Persona.ENTERPRISE_A, "POST", "/api/deliveries/" + caseId + "/confirmation", "{}")
                .statusCode()).isEqualTo(403);
        var ack = json(Persona.ENTERPRISE_B, "POST", "/api/deliveries/" + caseId + "/confirmation", "{}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).get("countsAsService").asBoolean()).isFalse();
        assertThat(events(caseId, EventTypes.DUAL_DELIVERY_COMPLETED)).hasSize(1);
    }

    @Test
    void shouldServeByTheEnterprisesSignatureOnTheTabletUnderDirectService() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publish(penaltyDecidedFor(caseId, "泉环罚〔2026〕312号", Persona.USCC_B));
        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/deliveries/" + caseId).statusCode() == 200);
        var started = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/attempts",
                "{\"method\":\"DIRECT\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        var signed = json(Persona.ENTERPRISE_B, "POST", "/api/deliveries/" + caseId + "/confirmation",
                "{\"signerRole\":\"LEGAL_REPRESENTATIVE\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        var body = JSON.readTree(signed.body());
        assertThat(body.get("countsAsService").asBoolean()).isTrue();
        assertThat(body.at("/delivery/serviceAct/method").asString()).isEqualTo("DIRECT");
        assertThat(body.at("/delivery/serviceAct/proof/signerName").asString()).isEqualTo("李海燕");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(caseId, EventTypes.DUAL_DELIVERY_COMPLETED).size() == 1);
    }

    @Test
    void shouldFlagAServiceOfOneDocumentAsNonconformingAndAlertTheLegalReviewer() throws Exception {
        // DOMAIN.md §9 scenario 6: the decision in person on one day, the notice e-mailed two days later
        String caseId = UUID.randomUUID().toString();
        publish(penaltyDecidedFor(caseId, "泉环罚〔2026〕313号", Persona.USCC_B));
        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/deliveries/" + caseId).statusCode() == 200);
        // RELIABILITY.md R9: malformed bodies on every recording endpoint are 4xx problems, never 5xx, nothing stored
        for (String endpoint : List.of("attempts", "receipts", "failures", "public-notice", "irregular-services",
                "confirmation")) {
            for (String body : List.of("[]", "not json", "{\"servedOn\":\"2025-13-40\"}", "{\"evidenceIds\":[null]}",
                    "{\"method\":7}", "{\"reason\":\"BORED\"}", "{\"publishedOn\":\"2999-01-01\",\"medium\":\"x\","
                            + "\"reasons\":\"y\"}", "{\"document\":\"PENALTY_DECISION\",\"method\":\"DIRECT\","
                            + "\"servedOn\":\"2025-04-08\",\"note\":\"" + "长".repeat(600) + "\"}")) {
                Persona who = endpoint.equals("confirmation") ? Persona.ENTERPRISE_B : Persona.OFFICER_LIN;
                var answer = json(who, "POST", "/api/deliveries/" + caseId + "/" + endpoint, body);
                assertThat(answer.statusCode()).as(endpoint + " " + body + " → " + answer.body())
                        .isBetween(200, 499);
                if (!endpoint.equals("confirmation")) {
                    assertThat(answer.statusCode()).as(endpoint + " " + body).isBetween(400, 499);
                    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                            .startsWith("application/problem+json");
                }
            }
        }
        assertThat(delivery(caseId).at("/delivery/status").asString()).isEqualTo("PREPARED");
        assertThat(delivery(caseId).at("/delivery/irregularServices").size()).isZero();
        assertThat(delivery(caseId).at("/delivery/attempts").size()).isZero();

        var first = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/irregular-services",
                "{\"document\":\"PENALTY_DECISION\",\"method\":\"DIRECT\",\"servedOn\":\"2025-04-08\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var second = json(Persona.OFFICER_LIN, "POST", "/api/deliveries/" + caseId + "/irregular-services",
                "{\"document\":\"REPAIR_RIGHTS_NOTICE\",\"method\":\"ELECTRONIC\",\"servedOn\":\"2025-04-10\","
                        + "\"address\":\"boss@163.com\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        var view = JSON.readTree(second.body());
        assertThat(view.get("served").asBoolean()).isFalse();
        assertThat(view.get("nonconforming").asBoolean()).isTrue();
        assertThat(view.at("/delivery/irregularServices/1/valid").asBoolean()).isFalse();
        assertThat(view.at("/delivery/irregularServices/1/invalidReason").asString()).isEqualTo("NO_ESERVICE_CONSENT");

        var queue = as(Persona.LEGAL_REVIEWER).get("/api/deliveries/review-queue?flag=NONCONFORMING");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(JSON.readTree(queue.body()).get("deliveries").findValuesAsString("caseId")).contains(caseId);
        assertThat(as(Persona.ENTERPRISE_B).get("/api/deliveries/review-queue?flag=NONCONFORMING").statusCode())
                .isEqualTo(403);
        assertThat(as(Persona.LEGAL_REVIEWER).get("/api/deliveries/review-queue?flag=WHATEVER").statusCode())
                .isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(caseId, EventTypes.DELIVERY_NONCONFORMING).size() == 2);
        var alert = JSON.readTree(new String(events(caseId, EventTypes.DELIVERY_NONCONFORMING).get(1).value(),
                StandardCharsets.UTF_8));
        assertThat(alert.get("documentsNotServed").get(0).asString()).isEqualTo("REPAIR_RIGHTS_NOTICE");
        assertThat(alert.get("alertRoles").get(0).asString()).isEqualTo("LEGAL_REVIEWER");
        assertThat(events(caseId, EventTypes.DUAL_DELIVERY_COMPLETED)).isEmpty();
        // decided 2025-03-10 and never served as one act: overdue too
        await().atMost(Duration.ofSeconds(30)).until(() -> events(caseId, EventTypes.DELIVERY_OVERDUE).size() == 1);
        assertThat(JSON.readTree(as(Persona.AGENCY_HEAD).get("/api/deliveries/review-queue?flag=OVERDUE").body())
                .get("deliveries").findValuesAsString("caseId")).contains(caseId);
    }

    @Test
    void shouldRecordAConsentFromTheSignedConfirmationOnlyWithItsScanAndLetItBeRevoked() throws Exception {
        String other = "91350582MA8R00014H";
        String path = "/api/deliveries/consents/" + other;
        String body = "{\"channel\":\"e-delivery-platform\",\"address\":\"x@edelivery.example.cn\","
                + "\"signedOn\":\"2026-11-20\"";
        assertThat(json(Persona.ENTERPRISE_A, "PUT", path, body + "}").statusCode()).isEqualTo(403);
        var noScan = json(Persona.OFFICER_LIN, "PUT", path, body + "}");
        assertThat(noScan.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noScan.body()).get("violations").findValuesAsString("field")).contains("evidenceId");
        var unknownChannel = json(Persona.OFFICER_LIN, "PUT", path, body.replace("e-delivery-platform", "wechat") + "}");
        assertThat(JSON.readTree(unknownChannel.body()).get("violations").findValuesAsString("rule"))
                .contains("CHANNEL_UNKNOWN");
        assertThat(json(Persona.OFFICER_LIN, "PUT", "/api/deliveries/consents/91350500MA2Y0001OX", body + "}")
                .statusCode()).isEqualTo(400);
        String scan = JSON.readTree(upload(Persona.OFFICER_LIN, other, "确认书.pdf",
                "%PDF-1.7 signed confirmation".getBytes(StandardCharsets.UTF_8)).body()).get("evidenceId").asString();
        var recorded = json(Persona.OFFICER_LIN, "PUT", path, body + ",\"evidenceId\":\"" + scan + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(JSON.readTree(recorded.body()).get("source").asString()).isEqualTo("OFFICER_FROM_SIGNED_CONFIRMATION");
        var revoked = as(Persona.OFFICER_LIN).send("DELETE", path, null, null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        var view = JSON.readTree(as(Persona.AUDITOR).get(path).body());
        assertThat(view.get("valid").asBoolean()).isFalse();
        assertThat(view.get("history").size()).isEqualTo(2);
        assertThat(as(Persona.OFFICER_LIN).send("DELETE", path, null, null).statusCode()).isEqualTo(404);
        // the enterprise sees its own consent only
        assertThat(as(Persona.ENTERPRISE_A).get("/api/deliveries/consents/" + Persona.USCC_A).statusCode()).isEqualTo(200);
        assertThat(as(Persona.ENTERPRISE_B).get("/api/deliveries/consents/" + Persona.USCC_A).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAnUnknownDeliveryWithProblemJson() {
        var response = http().get("/api/deliveries/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
