package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventType;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.List;

/**
 * What a repository needs to change state with events: raise them (schema-checked, with stable ids) and write them
 * in the same single-document write as the state, then wake the relay so they go out at once.
 */
public class OutboxWriter {

    private final EventRaiser raiser;
    private final OutboxRelay relay;

    public OutboxWriter(EventRaiser raiser, OutboxRelay relay) {
        this.raiser = raiser;
        this.relay = relay;
    }

    public OutboxEvent raise(EventType type, String key, String subject, long sequence, String ruleSetId,
                             String calendarVersion, Object payload) {
        return raiser.raise(type, key, subject, sequence, ruleSetId, calendarVersion, payload);
    }

    /**
     * Inserts a new aggregate with its first events in one write.
     *
     * @return false when an aggregate with the same id (or unique key) already existed: nothing was written
     */
    public boolean insertWithEvents(MongoCollection<Document> collection, Document aggregate, List<OutboxEvent> events) {
        OutboxDocuments.withNewEvents(aggregate, events);
        boolean inserted = Idempotency.insertOnce(collection, aggregate);
        if (inserted) {
            relay.wakeUp(collection.getNamespace().getCollectionName(), aggregate.get("_id"));
        }
        return inserted;
    }

    /**
     * Updates the existing aggregate {@code id} with events in one write: {@code guard} must also hold (e.g. its
     * version), {@code stateChange} is the aggregate's own update, and the events are appended to its outbox in the
     * same update; the relay is told which document to publish.
     *
     * @return false when the guard matched nothing (a concurrent change): nothing was written
     */
    public boolean updateWithEvents(MongoCollection<Document> collection, Object id, org.bson.conversions.Bson guard,
                                    org.bson.conversions.Bson stateChange, List<OutboxEvent> events) {
        var update = events.isEmpty() ? stateChange
                : com.mongodb.client.model.Updates.combine(stateChange, OutboxDocuments.appendEvents(events));
        var filter = com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("_id", id), guard);
        boolean matched = collection.updateOne(filter, update).getMatchedCount() == 1;
        if (matched && !events.isEmpty()) {
            appended(collection, id);
        }
        return matched;
    }

    /**
     * After an update that appended events to document {@code id} of {@code collection} (with
     * {@link OutboxDocuments#appendEvents}): the relay publishes them now instead of at its next sweep.
     */
    public void appended(MongoCollection<Document> collection, Object id) {
        relay.wakeUp(collection.getNamespace().getCollectionName(), id);
    }
}
