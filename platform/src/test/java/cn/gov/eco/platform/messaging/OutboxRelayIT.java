package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.Topics;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox relay against a real broker and MongoDB wire server: publish, mark, resume, never skip. */
class OutboxRelayIT {

    private static final String TOPIC = Topics.ENFORCEMENT_CASE.name();
    private static MongoClient mongo;
    private static MongoCollection<Document> aggregates;
    private static KafkaTemplate<String, byte[]> kafka;
    private static OutboxRelay relay;
    private static TopicProbe probe;

    @BeforeAll
    static void setUp() throws Exception {
        var infra = TestInfrastructure.get();
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
            }
        }
        mongo = MongoClients.create(infra.mongoUri());
        var db = mongo.getDatabase("relay-it-" + UUID.randomUUID());
        aggregates = db.getCollection("aggregates");
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer()));
        // A long poll interval: the test drives the passes itself with relayOnce().
        relay = new OutboxRelay(db, List.of("aggregates"), kafka, URI.create("/relay-it"), Clock.systemUTC(),
                Duration.ofHours(1), 100, 2);
        probe = new TopicProbe(infra.kafkaBootstrapServers(), List.of(TOPIC));
    }

    @AfterAll
    static void tearDown() {
        probe.close();
        kafka.destroy();
        mongo.close();
    }

    static OutboxEvent event(String aggregateId, long sequence) {
        return new OutboxEvent(UUID.randomUUID().toString(), "cn.gov.eco.enforcement.PenaltyDecided.v1", TOPIC,
                aggregateId, aggregateId, sequence, Instant.now(), "none", "none",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "{\"n\":" + sequence + "}", null);
    }

    static List<String> idsOnTopic(String key) {
        return probe.poll().stream().filter(r -> key.equals(r.key())).map(r -> TopicProbe.header(r, "ce_id")).toList();
    }

    @Test
    void shouldPublishPendingEventsInSequenceOrderAndMarkThemSent() {
        String id = UUID.randomUUID().toString();
        var first = event(id, 1);
        var second = event(id, 2);
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", id), List.of(first, second)));

        assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> idsOnTopic(id).size() == 2);
        assertThat(idsOnTopic(id)).containsExactly(first.eventId(), second.eventId());
        Document stored = aggregates.find(Filters.eq("_id", id)).first();
        assertThat(stored.getBoolean(OutboxDocuments.PENDING)).isFalse();
        assertThat(OutboxDocuments.events(stored)).allSatisfy(e -> assertThat(e.sentAt()).isNotNull());

        assertThat(relay.relayOnce()).as("nothing left to publish").isZero();
    }

    @Test
    void shouldPublishAnEventAppendedLaterWithoutRepublishingTheSentOnesAndKeepOnlyTheLastSent() {
        String id = UUID.randomUUID().toString();
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", id), List.of(event(id, 1))));
        relay.relayOnce();
        List<OutboxEvent> later = List.of(event(id, 2), event(id, 3));
        aggregates.updateOne(Filters.eq("_id", id), OutboxDocuments.appendEvents(later));

        relay.relayOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> idsOnTopic(id).size() == 3);
        assertThat(idsOnTopic(id)).endsWith(later.get(0).eventId(), later.get(1).eventId());
        Document stored = aggregates.find(Filters.eq("_id", id)).first();
        assertThat(OutboxDocuments.lastSequence(stored)).isEqualTo(3);
        assertThat(OutboxDocuments.events(stored)).extracting(OutboxEvent::sequence).containsExactly(2L, 3L);
    }

    @Test
    void shouldRepublishWithTheSameIdWhenTheMarkWasLostInACrash() {
        String id = UUID.randomUUID().toString();
        var e = event(id, 1);
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", id), List.of(e)));
        relay.relayOnce();
        // the process died after the broker acknowledged but before the mark was written
        aggregates.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set(OutboxDocuments.PENDING, true),
                Updates.set(OutboxDocuments.OUTBOX, List.of(OutboxDocuments.toBson(e)))));
        relay.relayOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> idsOnTopic(id).size() == 2);
        assertThat(idsOnTopic(id)).containsOnly(e.eventId());
    }

    @Test
    void shouldPublishTheDocumentAWriteNamesByIdAndLeaveTheOthersToTheSweep() {
        String named = UUID.randomUUID().toString();
        String unnamed = UUID.randomUUID().toString();
        var e = event(named, 1);
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", unnamed), List.of(event(unnamed, 1))));
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", named), List.of(e)));

        relay.wakeUp("aggregates", named);
        relay.wakeUp("aggregates", named); // two writes named it before the pass: read and published once
        assertThat(relay.relayWritten()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> idsOnTopic(named).size() == 1);
        assertThat(idsOnTopic(named)).containsExactly(e.eventId());
        assertThat(aggregates.find(Filters.eq("_id", named)).first().getBoolean(OutboxDocuments.PENDING)).isFalse();
        assertThat(aggregates.find(Filters.eq("_id", unnamed)).first().getBoolean(OutboxDocuments.PENDING))
                .as("not named: waits for the sweep").isTrue();

        relay.wakeUp("aggregates", named);
        assertThat(relay.relayWritten()).as("named again, nothing pending: nothing republished").isZero();
        assertThat(relay.relayOnce()).as("the sweep publishes the unnamed one").isGreaterThanOrEqualTo(1);
        assertThat(aggregates.find(Filters.eq("_id", unnamed)).first().getBoolean(OutboxDocuments.PENDING)).isFalse();
    }

    /** Issue 16, row 1: an event the broker will never take no longer blocks the relay for ever, nor vanishes. */
    @Test
    void shouldParkAnEventTheBrokerRefusesAsTooLargeAfterBoundedAttemptsAndGoOnWithTheOthers() {
        String big = UUID.randomUUID().toString();
        String small = UUID.randomUUID().toString();
        var tooLarge = new OutboxEvent(UUID.randomUUID().toString(), "cn.gov.eco.enforcement.PenaltyDecided.v1", TOPIC,
                big, big, 1, Instant.now(), "none", "none", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "{\"s\":\"" + "x".repeat(1_100_000) + "\"}", null);
        var behind = event(big, 2);
        var other = event(small, 1);
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", big), List.of(tooLarge)));
        aggregates.insertOne(OutboxDocuments.withNewEvents(new Document("_id", small), List.of(other)));
        List<OutboxRelay.Parked> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
        relay.onParked(alerts::add);

        for (int pass = 0; pass < OutboxRelay.DEFAULT_MAX_ATTEMPTS; pass++) {
            relay.relayOnce();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> idsOnTopic(small).size() == 1);
        Document stored = aggregates.find(Filters.eq("_id", big)).first();
        OutboxEvent parked = OutboxDocuments.events(stored).get(0);
        assertThat(parked.status()).isEqualTo(OutboxEvent.STATUS_PARKED);
        assertThat(parked.attempts()).isEqualTo(OutboxRelay.DEFAULT_MAX_ATTEMPTS);
        assertThat(parked.lastError()).contains("RecordTooLargeException");
        assertThat(alerts).extracting(p -> p.event().eventId()).containsExactly(tooLarge.eventId());
        assertThat(relay.parked(100)).extracting(p -> p.event().eventId()).contains(tooLarge.eventId());
        aggregates.updateOne(Filters.eq("_id", big), OutboxDocuments.appendEvents(List.of(behind)));
        relay.relayOnce();
        stored = aggregates.find(Filters.eq("_id", big)).first();
        assertThat(idsOnTopic(big)).as("the event behind the parked one waits (order per key)").isEmpty();

        assertThat(((List<?>) stored.get(OutboxDocuments.OUTBOX)).stream().map(d -> ((Document) d).getString("status")))
                .containsExactly("PARKED", "PENDING");
        assertThat(stored.getBoolean(OutboxDocuments.PENDING)).as("nothing deliverable: off the sweep").isFalse();
        assertThat(stored.getBoolean(OutboxDocuments.PARKED)).isTrue();
        // after a fix (here: the content made smaller), a replay puts it back in line with its ce_id
        aggregates.updateOne(Filters.eq("_id", big), Updates.set(OutboxDocuments.OUTBOX + ".0.payload", "{\"s\":1}"));
        assertThat(relay.unpark("aggregates", big, tooLarge.eventId())).isTrue();
        assertThat(relay.unpark("aggregates", big, tooLarge.eventId())).as("replaying twice does nothing more").isFalse();
        relay.relayWritten();
        await().atMost(Duration.ofSeconds(10)).until(() -> idsOnTopic(big).size() == 2);
        assertThat(idsOnTopic(big)).containsExactly(tooLarge.eventId(), behind.eventId());
        Document after = aggregates.find(Filters.eq("_id", big)).first();
        assertThat(after.getBoolean(OutboxDocuments.PARKED)).isFalse();
        assertThat(OutboxDocuments.events(after)).allSatisfy(e -> assertThat(e.status()).isEqualTo("SENT"));
    }
}
