package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
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

    public InboundEvents(JsonMapper json) {
        this.json = json;
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
        // the listener container's observation already continues the record's traceparent (platform)
        handler.accept(message);
        return true;
    }
}
