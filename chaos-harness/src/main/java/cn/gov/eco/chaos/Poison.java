package cn.gov.eco.chaos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;

/**
 * R5: poison records, and the consumer groups' lag. On every topic a service consumes, the four {@link #KINDS} of
 * poison. Each must land on {@code <topic>.dlt} with its original topic, partition and
 * offset and the exception in the headers, and the records after it must keep flowing.
 */
final class Poison {

    /** A poison record as produced: where it went, and when. */
    record Sent(String topic, int partition, long offset, String key, String kind, long timestamp) {
    }

    static final String SOURCE = "/chaos";
    static final String KEY_PREFIX = "poison-";

    /** Every topic a service consumes, and an event type its consumers handle. */
    static final Map<String, String> CONSUMED = Map.of(
            Topics.ENFORCEMENT_CASE.name(), EventTypes.PENALTY_DECIDED.ceType(),
            Topics.NOTICE_DELIVERY.name(), EventTypes.DUAL_DELIVERY_COMPLETED.ceType(),
            Topics.CREDIT_PUBLICITY.name(), EventTypes.PUBLICITY_OPENED.ceType(),
            Topics.CREDIT_REPAIR.name(), EventTypes.REPAIR_APPROVED.ceType());

    /**
     * The kinds of poison: not a CloudEvent; the consumed type with a payload that is not JSON; with JSON that lacks
     * every required field; a well-formed event of a version no reader knows (R5 "unknown-version").
     */
    static final List<String> KINDS = List.of("not-a-cloudevent", "payload-not-json", "required-fields-missing",
            "unknown-version");

    private Poison() {
    }

    static List<Sent> send(String bootstrap, String runId) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            int n = 0;
            for (var e : CONSUMED.entrySet()) {
                String topic = e.getKey();
                for (String kind : KINDS) {
                    String key = KEY_PREFIX + runId + "-" + (n++);
                    ProducerRecord<String, byte[]> r;
                    if (kind.equals("not-a-cloudevent")) {
                        r = new ProducerRecord<>(topic, key, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});
                    } else {
                        byte[] value = (switch (kind) {
                            case "payload-not-json" -> "{\"caseId\": \"" + key + "\", oops";
                            case "unknown-version" -> "{\"caseId\":\"" + key + "\",\"uscc\":\"" + key + "\"}";
                            default -> "{\"unexpected\":true}";
                        }).getBytes(StandardCharsets.UTF_8);
                        r = new ProducerRecord<>(topic, key, value);
                        header(r, "ce_specversion", "1.0");
                        header(r, "ce_id", UUID.randomUUID().toString());
                        header(r, "ce_source", SOURCE);
                        header(r, "ce_type", kind.equals("unknown-version")
                                ? e.getValue().substring(0, e.getValue().lastIndexOf(".v")) + ".v99" : e.getValue());
                        header(r, "ce_subject", key);
                        header(r, "ce_sequence", "1");
                        header(r, "content-type", "application/json");
                    }
                    RecordMetadata m = producer.send(r).get(30, TimeUnit.SECONDS);
                    sent.add(new Sent(topic, m.partition(), m.offset(), key, kind, m.timestamp()));
                }
            }
        }
        return sent;
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Violations: poison records missing from their dead-letter topic, or carrying the wrong coordinates. */
    static List<String> check(String bootstrap, List<Sent> sent, Map<String, Object> figures) {
        List<String> v = new ArrayList<>();
        Map<String, ConsumerRecord<String, byte[]>> dlt = new HashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : CONSUMED.keySet()) {
                c.partitionsFor(topic + ".dlt", Duration.ofSeconds(10))
                        .forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
            end.values().removeIf(x -> x == 0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        dlt.putIfAbsent(r.key(), r); // a replay dead-letters the same poison again
                    }
                }
                end.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
            }
        }
        long maxMillis = 0;
        for (Sent s : sent) {
            ConsumerRecord<String, byte[]> r = dlt.get(s.key());
            if (r == null) {
                v.add("R5: poison " + s.kind() + " on " + s.topic() + " " + s.partition() + "@" + s.offset()
                        + " never reached " + s.topic() + ".dlt");
                continue;
            }
            String topic = str(r, "kafka_dlt-original-topic");
            Integer partition = intHeader(r, "kafka_dlt-original-partition");
            Long offset = longHeader(r, "kafka_dlt-original-offset");
            String exception = str(r, "kafka_dlt-exception-fqcn");
            if (!s.topic().equals(topic) || partition == null || partition != s.partition() || offset == null
                    || offset != s.offset() || exception == null) {
                v.add("R5: poison " + s.kind() + " on " + s.topic() + " " + s.partition() + "@" + s.offset()
                        + " dead-lettered with coordinates " + topic + " " + partition + "@" + offset
                        + ", exception " + exception);
            }
            maxMillis = Math.max(maxMillis, r.timestamp() - s.timestamp());
        }
        figures.put("poisonRecords", sent.size());
        figures.put("poisonDeadLettered", sent.stream().filter(s -> dlt.containsKey(s.key())).count());
        // from the produce to the dead-letter record: includes the backlog queued ahead of the poison
        figures.put("poisonToDeadLetterMaxMillis", maxMillis);
        return v;
    }

    /** The summed lag of every consumer group (committed offset to end offset on each partition it committed). */
    static Map<String, Long> lags(String bootstrap) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (GroupListing g : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
                committed.keySet().forEach(tp -> specs.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS);
                long lag = 0;
                for (var e : committed.entrySet()) {
                    lag += ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset());
                }
                out.put(g.groupId(), lag);
            }
        }
        return out;
    }

    /** Moves a (stopped) consumer group back to the earliest offset of every partition it has committed. */
    static void resetToEarliest(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            committed.keySet().forEach(tp -> specs.put(tp, OffsetSpec.earliest()));
            var earliest = admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            earliest.forEach((tp, info) -> reset.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, reset).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String str(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null || h.value().length != 4 ? null : ByteBuffer.wrap(h.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null || h.value().length != 8 ? null : ByteBuffer.wrap(h.value()).getLong();
    }
}
