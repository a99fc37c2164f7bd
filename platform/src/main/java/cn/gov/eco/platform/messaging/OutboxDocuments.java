package cn.gov.eco.platform.messaging;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;

/**
 * How an aggregate document carries its outbox: an {@code outbox} array of events, an {@code outboxPending} flag the
 * relay queries on (indexed), and {@code eventSequence}, the aggregate's last event sequence number, which also guards
 * the relay's write against a concurrent append. Only single-document atomicity is used, so it works on the MongoDB
 * wire server of the embedded default (no transactions there) and on a real replica set.
 */
public final class OutboxDocuments {

    public static final String OUTBOX = "outbox";
    public static final String PENDING = "outboxPending";
    /** The name of the index the relay keeps on {@link #PENDING} in each outbox collection. */
    public static final String PENDING_INDEX = "outbox_pending";
    public static final String SEQUENCE = "eventSequence";
    /** Set while an event of the document is parked: the stuck-work queue and the metrics query on it. */
    public static final String PARKED = "outboxParked";

    private OutboxDocuments() {
    }

    /** Adds the outbox fields of a new aggregate's first events to the document about to be inserted. */
    public static Document withNewEvents(Document aggregate, List<OutboxEvent> events) {
        aggregate.put(OUTBOX, events.stream().map(OutboxDocuments::toBson).toList());
        aggregate.put(PENDING, !events.isEmpty());
        aggregate.put(SEQUENCE, events.stream().mapToLong(OutboxEvent::sequence).max().orElse(0));
        return aggregate;
    }

    /** The update that appends events to an existing aggregate, to combine with the state change's own update. */
    public static Bson appendEvents(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return new Document();
        }
        return combine(pushEach(OUTBOX, events.stream().map(OutboxDocuments::toBson).toList()), set(PENDING, true),
                set(SEQUENCE, events.stream().mapToLong(OutboxEvent::sequence).max().orElseThrow()));
    }

    public static long lastSequence(Document aggregate) {
        Number n = (Number) aggregate.get(SEQUENCE);
        return n == null ? 0 : n.longValue();
    }

    public static List<OutboxEvent> events(Document aggregate) {
        List<OutboxEvent> out = new ArrayList<>();
        List<?> raw = aggregate.getList(OUTBOX, Object.class, List.of());
        for (Object o : raw) {
            out.add(fromBson((Document) o));
        }
        return out;
    }

    public static Document toBson(OutboxEvent e) {
        return new Document("eventId", e.eventId())
                .append("ceType", e.ceType())
                .append("topic", e.topic())
                .append("key", e.key())
                .append("subject", e.subject())
                .append("sequence", e.sequence())
                .append("time", Date.from(e.time()))
                .append("ruleSetId", e.ruleSetId())
                .append("calendarVersion", e.calendarVersion())
                .append("traceparent", e.traceparent())
                .append("payload", e.payloadJson())
                .append("sentAt", e.sentAt() == null ? null : Date.from(e.sentAt()))
                .append("status", e.status())
                .append("attempts", e.attempts())
                .append("lastError", e.lastError())
                .append("parkedAt", e.parkedAt() == null ? null : Date.from(e.parkedAt()));
    }

    public static OutboxEvent fromBson(Document d) {
        Date sent = d.getDate("sentAt");
        Date parked = d.getDate("parkedAt");
        Number attempts = (Number) d.get("attempts");
        return new OutboxEvent(d.getString("eventId"), d.getString("ceType"), d.getString("topic"), d.getString("key"),
                d.getString("subject"), ((Number) d.get("sequence")).longValue(), d.getDate("time").toInstant(),
                d.getString("ruleSetId"), d.getString("calendarVersion"), d.getString("traceparent"),
                d.getString("payload"), sent == null ? null : sent.toInstant(), attempts == null ? 0 : attempts.intValue(),
                d.getString("lastError"), parked == null ? null : parked.toInstant());
    }
}
