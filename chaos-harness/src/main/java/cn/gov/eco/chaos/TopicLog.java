package cn.gov.eco.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything a topic holds, read from the beginning to its current end by a plain consumer without a group. */
final class TopicLog {

    /** One record as the invariants need it. */
    record Seen(String topic, int partition, long offset, String key, String ceId, String ceType, String ceSource,
                String ceSubject, long ceSequence, String value, Map<String, String> headers) {

        /** The {@code "caseId"} of the JSON payload, or null. */
        String payloadCaseId() {
            return cn.gov.eco.benchmark.Workload.caseId(value);
        }
    }

    private TopicLog() {
    }

    static List<Seen> read(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Seen> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : topics) {
                var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
                }
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts, Duration.ofSeconds(10)));
            end.values().removeIf(v -> v == 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(seen(r));
                }
                end.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
            }
            if (!end.isEmpty()) {
                throw new IllegalStateException("could not read to the end of " + end.keySet());
            }
        }
        return out;
    }

    static Seen seen(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        String seq = headers.get("ce_sequence");
        long sequence;
        try {
            sequence = seq == null ? -1 : Long.parseLong(seq);
        } catch (NumberFormatException e) {
            sequence = -1;
        }
        return new Seen(r.topic(), r.partition(), r.offset(), r.key(), headers.get("ce_id"), headers.get("ce_type"),
                headers.get("ce_source"), headers.get("ce_subject"), sequence,
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), headers);
    }
}
