package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.OutboxEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Events as the services publish them: the contract's golden sample of a type, with some fields replaced, as a
 * CloudEvents binary-mode record on the topic that carries the type.
 */
final class TopicEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TopicEvents() {
    }

    static ObjectNode sample(EventType type) {
        try (InputStream in = TopicEvents.class.getResourceAsStream(type.sampleResource())) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample of {@code type} for {@code caseId} / {@code uscc}, with {@code changes} put on top. */
    static ProducerRecord<String, byte[]> record(EventType type, String caseId, String uscc, Map<String, ?> changes) {
        return record(UUID.randomUUID().toString(), type, caseId, uscc, changes);
    }

    static ProducerRecord<String, byte[]> record(String eventId, EventType type, String caseId, String uscc,
                                                 Map<String, ?> changes) {
        ObjectNode payload = sample(type);
        if (payload.has("caseId")) {
            payload.put("caseId", caseId);
        }
        if (payload.has("uscc")) {
            payload.put("uscc", uscc);
        }
        if (payload.has("enterprise")) {
            ((ObjectNode) payload.get("enterprise")).put("uscc", uscc);
        }
        changes.forEach((k, v) -> payload.set(k, JSON.valueToTree(v)));
        var topic = Topics.carrying(type);
        String key = topic.key() == cn.gov.eco.contracts.Topic.KeyKind.CASE_ID ? caseId : uscc;
        var event = new OutboxEvent(eventId, type.ceType(), topic.name(), key, key, 1, Instant.parse("2026-11-23T02:00:00Z"),
                "none", "test", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", payload.toString(), null);
        return CloudEventRecords.toRecord(event, URI.create("/test"));
    }
}
