package cn.gov.eco.platform.observability;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the broker holds for operators, read by {@link MetricsSampler}: the records on each dead-letter topic of the
 * catalogue ({@code lifecycle.dlt.records}: any record there is a decision, a delivery or a repair that stopped and
 * needs a person) and how far each of this service's consumer groups is behind on each topic it reads
 * ({@code lifecycle.consumer.lag}).
 */
public class KafkaBacklog implements Sampled, AutoCloseable {

    private final Admin admin;
    private final KafkaListenerEndpointRegistry listeners;
    private final MeterRegistry registry;
    private final Duration timeout;
    private final Map<String, Long> deadLetters = new ConcurrentHashMap<>();
    private final Map<List<String>, Long> lag = new ConcurrentHashMap<>();

    public KafkaBacklog(Map<String, Object> adminProperties, KafkaListenerEndpointRegistry listeners,
                        MeterRegistry registry, Duration timeout) {
        this.admin = Admin.create(adminProperties);
        this.listeners = listeners;
        this.registry = registry;
        this.timeout = timeout;
        for (Topic t : Topics.ALL) {
            String dlt = t.deadLetterTopic();
            deadLetters.put(dlt, 0L);
            Gauge.builder("lifecycle.dlt.records", deadLetters, m -> m.getOrDefault(dlt, 0L))
                    .description("Records on a dead-letter topic (retained " + Topic.DEAD_LETTER_RETENTION.toDays()
                            + " days): each needs a person").tag("topic", dlt).register(registry);
        }
    }

    /** Reads the dead-letter topics' offsets and the lag of this service's consumer groups once. */
    @Override
    public void sample() throws Exception {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Set<String> dlts = deadLetters.keySet();
        var described = admin.describeTopics(dlts).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        described.forEach((name, d) -> d.partitions().forEach(p -> {
            earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
        }));
        var first = admin.listOffsets(earliest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        var last = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Long> counts = new HashMap<>();
        last.forEach((tp, info) -> counts.merge(tp.topic(), info.offset() - first.get(tp).offset(), Long::sum));
        deadLetters.putAll(counts);
        sampleLag();
    }

    private void sampleLag() throws Exception {
        Map<String, Set<String>> topicsByGroup = new HashMap<>();
        for (MessageListenerContainer c : listeners.getListenerContainers()) {
            String[] topics = c.getContainerProperties().getTopics();
            if (c.getGroupId() != null && topics != null) {
                topicsByGroup.computeIfAbsent(c.getGroupId(), g -> new LinkedHashSet<>()).addAll(List.of(topics));
            }
        }
        for (var e : topicsByGroup.entrySet()) {
            String group = e.getKey();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var described = admin.describeTopics(e.getValue()).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p ->
                    ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            var offsets = admin.listOffsets(ends).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Long> byTopic = new HashMap<>();
            offsets.forEach((tp, info) -> {
                OffsetAndMetadata c = committed.get(tp);
                byTopic.merge(tp.topic(), Math.max(0, info.offset() - (c == null ? 0 : c.offset())), Long::sum);
            });
            byTopic.forEach((topic, value) -> {
                List<String> key = List.of(group, topic);
                if (lag.put(key, value) == null) {
                    Gauge.builder("lifecycle.consumer.lag", lag, m -> m.getOrDefault(key, 0L))
                            .description("Records a consumer group has not yet processed on a topic")
                            .tag("group", group).tag("topic", topic).register(registry);
                }
            });
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
