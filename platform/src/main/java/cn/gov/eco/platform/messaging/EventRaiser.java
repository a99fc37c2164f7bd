package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.platform.trace.TraceContext;
import cn.gov.eco.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns an event payload into an {@link OutboxEvent}: assigns its stable id, finds its topic in the catalogue,
 * serialises the payload and validates it against the type's JSON Schema and the size budget before it can be stored.
 * An event that breaks its own contract, or that the broker would refuse as too large, never reaches the outbox.
 */
public class EventRaiser {

    private static final Logger log = LoggerFactory.getLogger(EventRaiser.class);

    private final JsonMapper json;
    private final EventSchemas schemas;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final int maxPayloadBytes;

    public EventRaiser(JsonMapper json, EventSchemas schemas, Clock clock, Supplier<UUID> ids) {
        this(json, schemas, clock, ids, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /**
     * @param maxPayloadBytes the event size budget: the most bytes an event's JSON payload may take. Checked when the
     *                        event is raised, so before the state change that raises it is stored; well under the
     *                        broker's {@code max.message.bytes} (1 MiB by default) so that the record, with its
     *                        CloudEvents headers, is always accepted (issue 16, row 1)
     */
    public EventRaiser(JsonMapper json, EventSchemas schemas, Clock clock, Supplier<UUID> ids, int maxPayloadBytes) {
        this.json = json;
        this.schemas = schemas;
        this.clock = clock;
        this.ids = ids;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** 256 KiB: a quarter of the broker's default {@code max.message.bytes}, leaving room for headers and growth. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;

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
        int bytes = payloadJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxPayloadBytes) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "EVENT_SIZE_BUDGET", "body",
                    "请求内容过多：由此产生的事件有 " + bytes + " 字节，超过上限 " + maxPayloadBytes + " 字节，未作任何更改",
                    "The request is too large: the event it raises would take " + bytes + " bytes, over the budget of "
                            + maxPayloadBytes + " bytes; nothing was changed");
        }
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
