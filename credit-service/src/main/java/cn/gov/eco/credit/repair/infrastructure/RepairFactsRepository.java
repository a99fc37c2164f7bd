package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.credit.repair.model.RepairFacts;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The {@code repair_facts} collection: one document per publicity record (id = record id = case id), holding what
 * the events said ({@link RepairFacts}, as exact JSON) and the outbox of the reminder it raises. Every change is a
 * single-document write guarded by the event sequence; a change that changes nothing is not written, so redelivered
 * events are no-ops.
 */
public class RepairFactsRepository {

    public static final String COLLECTION = "repair_facts";

    private final MongoCollection<Document> facts;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final JsonMapper json;

    public RepairFactsRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json, OutboxRelay relay) {
        this.relay = relay;
        this.facts = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.json = json;
        facts.createIndex(Indexes.ascending("uscc"));
        facts.createIndex(Indexes.ascending("windowDueAt"));
    }

    public Optional<RepairFacts> find(String recordId) {
        return Optional.ofNullable(facts.find(Filters.eq("_id", recordId)).first()).map(this::read);
    }

    public List<RepairFacts> byEnterprise(String uscc) {
        List<RepairFacts> out = new ArrayList<>();
        for (Document d : facts.find(Filters.eq("uscc", uscc)).sort(Indexes.ascending("_id"))) {
            out.add(read(d));
        }
        return out;
    }

    /** What a change produces: the new facts, their events, and when the reminder must look at them again. */
    public record Change(RepairFacts facts, List<OutboxEvent> events, Instant windowDueAt) {
    }

    /**
     * Applies {@code change} to the record's facts (an empty record when none exist yet) and writes the result with
     * its events in one write; retried when another event changed the record meanwhile.
     *
     * @param change given the current facts and their last event sequence, the change; null for "nothing changes"
     * @return true if something was written
     */
    public boolean update(String recordId, BiFunction<RepairFacts, Long, Change> change) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document current = facts.find(Filters.eq("_id", recordId)).first();
            RepairFacts before = current == null ? RepairFacts.empty(recordId) : read(current);
            long seq = current == null ? 0 : OutboxDocuments.lastSequence(current);
            Change c = change.apply(before, seq);
            if (c == null) {
                return false;
            }
            Date due = c.windowDueAt() == null ? null : Date.from(c.windowDueAt());
            if (current == null) {
                Document doc = new Document("_id", recordId).append("uscc", c.facts().uscc())
                        .append("windowDueAt", due).append("facts", json.writeValueAsString(c.facts()));
                if (outbox.insertWithEvents(facts, doc, c.events())) {
                    return true;
                }
                continue;
            }
            var result = facts.updateOne(
                    Filters.and(Filters.eq("_id", recordId), Filters.eq(OutboxDocuments.SEQUENCE, seq)),
                    Updates.combine(Updates.set("uscc", c.facts().uscc()), Updates.set("windowDueAt", due),
                            Updates.set("facts", json.writeValueAsString(c.facts())),
                            OutboxDocuments.appendEvents(c.events())));
            if (result.getMatchedCount() == 1) {
                if (!c.events().isEmpty()) {
                    relay.wakeUp(facts.getNamespace().getCollectionName(), recordId); // out now, not at the next sweep
                }
                return true;
            }
        }
        throw new IllegalStateException("repair facts " + recordId + " kept changing under concurrent updates");
    }

    /**
     * Claims one record whose repair window falls due by {@code now} (restart-safe: a claim runs out after
     * {@code lease}, so work claimed by a crashed instance is taken again; no TTL index).
     */
    public Optional<String> claimWindowDue(Instant now, java.time.Duration lease) {
        Document d = facts.findOneAndUpdate(
                Filters.and(Filters.lte("windowDueAt", Date.from(now)),
                        Filters.or(Filters.eq("windowClaimedUntil", null),
                                Filters.lt("windowClaimedUntil", Date.from(now)))),
                Updates.set("windowClaimedUntil", Date.from(now.plus(lease))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(x -> x.getString("_id"));
    }

    public void releaseWindowClaim(String recordId) {
        facts.updateOne(Filters.eq("_id", recordId), Updates.set("windowClaimedUntil", null));
    }

    private RepairFacts read(Document d) {
        return json.readValue(d.getString("facts"), RepairFacts.class);
    }
}
