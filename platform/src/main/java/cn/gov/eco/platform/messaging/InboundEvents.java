package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How every listener reads a record: as a CloudEvent; only the type it handles (others on the topic are not for
 * it); the payload into the consumer's own tolerant reader type; a record that cannot be read, or lacks what the
 * handler needs, is a {@link PoisonRecordException} and goes straight to the dead-letter topic; the handler runs
 * inside the record's trace (the listener container's observation continues its {@code traceparent}).
 */
public final class InboundEvents {

    private final JsonMapper json;
    private final AppliedEvents applied;

    public InboundEvents(JsonMapper json) {
        this(json, null);
    }

    /** @param applied where the fingerprints of applied events are kept, or {@code null} not to check them */
    public InboundEvents(JsonMapper json, AppliedEvents applied) {
        this.json = json;
        this.applied = applied;
    }

    /**
     * A record about one aggregate must say so consistently: on a topic keyed by case id, the payload's
     * {@code caseId} is the key (and on {@code enforcement.case.v1} also the {@code ce_subject}); on a topic keyed by
     * USCC, the payload's {@code uscc} is the key. Anything else cannot be true and is dead-lettered with the reason.
     */
    private void requireKeyMatchesPayload(EventType type, InboundEvent event) {
        Topic topic = Topics.carrying(type);
        String field = topic.key() == Topic.KeyKind.CASE_ID ? "caseId" : topic.key() == Topic.KeyKind.USCC ? "uscc" : null;
        if (field == null) {
            return;
        }
        JsonNode node = json.readTree(event.payloadJson()).get(field);
        String inPayload = node == null || node.isNull() ? null : node.asString();
        if (inPayload != null && event.key() != null && !inPayload.equals(event.key())) {
            throw new PoisonRecordException(type.name() + " " + event.eventId() + ": the record key " + event.key()
                    + " does not match the payload's " + field + " " + inPayload);
        }
        if (inPayload != null && topic == Topics.ENFORCEMENT_CASE && event.subject() != null
                && !inPayload.equals(event.subject())) {
            throw new PoisonRecordException(type.name() + " " + event.eventId() + ": the subject " + event.subject()
                    + " does not match the payload's caseId " + inPayload);
        }
    }

    /** @return true if the record was of {@code type} and was handled */
    public <T> boolean handle(ConsumerRecord<String, byte[]> record, EventType type, Class<T> reader,
                              Predicate<T> complete, Consumer<T> handler) {
        InboundEvent event = CloudEventRecords.fromRecord(record);
        if (!type.ceType().equals(event.ceType())) {
            return false;
        }
        T message;
        try {
            message = json.readValue(event.payloadJson(), reader);
        } catch (JacksonException e) {
            throw new PoisonRecordException(type.name() + " " + event.eventId() + " is unreadable: " + e.getMessage(), e);
        }
        if (message == null || !complete.test(message)) {
            throw new PoisonRecordException(type.name() + " " + event.eventId() + " lacks required fields");
        }
        requireKeyMatchesPayload(type, event);
        if (applied != null) {
            applied.requireSameContentAsBefore(event);
        }
        // the listener container's observation already continues the record's traceparent (platform)
        handler.accept(message);
        if (applied != null) {
            applied.applied(event);
        }
        return true;
    }
}
