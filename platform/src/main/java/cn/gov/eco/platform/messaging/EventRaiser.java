package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.platform.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns an event payload into an {@link OutboxEvent}: assigns its stable id, finds its topic in the catalogue,
 * serialises the payload and validates it against the type's JSON Schema before it can be stored. An event that
 * breaks its own contract never reaches the outbox.
 */
public class EventRaiser {

    private static final Logger log = LoggerFactory.getLogger(EventRaiser.class);

    private final JsonMapper json;
    private final EventSchemas schemas;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public EventRaiser(JsonMapper json, EventSchemas schemas, Clock clock, Supplier<UUID> ids) {
        this.json = json;
        this.schemas = schemas;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param type            the event type (its topic comes from the catalogue)
     * @param key             record key: the case id or the USCC, as the topic says
     * @param subject         the aggregate the event is about
     * @param sequence        the aggregate's next event sequence number
     * @param ruleSetId       the rule set applied, or {@code none}
     * @param calendarVersion the working-day calendar version applied, or {@code none}
     * @param payload         a record serialised with the service's JSON mapper
     */
    public OutboxEvent raise(EventType type, String key, String subject, long sequence, String ruleSetId,
                             String calendarVersion, Object payload) {
        String payloadJson = json.writeValueAsString(payload);
        schemas.validate(type, payloadJson);
        var event = new OutboxEvent(ids.get().toString(), type.ceType(), Topics.carrying(type).name(), key, subject,
                sequence, clock.instant(), ruleSetId == null ? "none" : ruleSetId,
                calendarVersion == null ? "none" : calendarVersion, TraceContext.currentOrNew().header(),
                payloadJson, null);
        // one line per state change, in the trace of the request or record that caused it (no personal data)
        log.info("raised {} {} (sequence {})", type.ceType(), event.eventId(), sequence);
        return event;
    }
}
