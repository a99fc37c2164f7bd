package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.platform.store.Counting;
import cn.gov.eco.credit.repair.model.RepairApplication;
import cn.gov.eco.credit.repair.model.RepairStatus;
import cn.gov.eco.platform.messaging.Idempotency;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The {@code repair_applications} collection: one document per application with its outbox, the application as
 * exact JSON, and top-level fields to query on. {@code openKey} is the record id while the application is open and
 * the application's own id otherwise: its unique index lets only one open application per publicity record exist,
 * atomically. The result sync to the credit platform is a pending state on the document ({@code sync.*}), claimed
 * by the scheduler with {@code findOneAndUpdate} and a lease, so it survives restarts and is never lost.
 */
public class RepairApplicationRepository {

    public static final String COLLECTION = "repair_applications";

    private final MongoCollection<Document> applications;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final JsonMapper json;

    public RepairApplicationRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json, OutboxRelay relay) {
        this.relay = relay;
        this.applications = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.json = json;
        applications.createIndex(Indexes.ascending("openKey"), new IndexOptions().unique(true).name("one_open_per_record"));
        applications.createIndex(Indexes.ascending("uscc", "submittedAt"));
        applications.createIndex(Indexes.ascending("status"));
        applications.createIndex(Indexes.ascending("syncState", "syncNextAt"));
    }

    /** An application as stored, with the sequence its next change must be guarded by. */
    public record Stored(RepairApplication application, long sequence, SyncState sync) {
    }

    /** The sync's pending state: attempts so far, the last error. */
    public record SyncState(String state, int attempts, String lastError, Instant nextAt) {
    }

    /** @return false when another application for the same record is already open (nothing written) */
    public boolean insert(RepairApplication a, List<OutboxEvent> events) {
        Document doc = new Document("_id", a.applicationId())
                .append("uscc", a.uscc()).append("recordId", a.recordId())
                .append("status", a.status().name())
                .append("openKey", openKey(a))
                .append("submittedAt", Date.from(a.submittedAt()))
                .append("application", json.writeValueAsString(a));
        try {
            return outbox.insertWithEvents(applications, doc, events);
        } catch (RuntimeException e) {
            if (Idempotency.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Stored> find(String applicationId) {
        return Optional.ofNullable(applications.find(Filters.eq("_id", applicationId)).first()).map(this::stored);
    }

    public boolean openFor(String recordId) {
        return Counting.exists(applications, Filters.eq("openKey", recordId));
    }

    public List<RepairApplication> byEnterprise(String uscc) {
        List<RepairApplication> out = new ArrayList<>();
        for (Document d : applications.find(Filters.eq("uscc", uscc)).sort(Sorts.ascending("submittedAt"))) {
            out.add(stored(d).application());
        }
        return out;
    }

    public List<RepairApplication> withStatus(List<RepairStatus> statuses) {
        List<RepairApplication> out = new ArrayList<>();
        for (Document d : applications.find(Filters.in("status", statuses.stream().map(Enum::name).toList()))) {
            out.add(stored(d).application());
        }
        return out;
    }

    /**
     * Writes the application's next version with its events, guarded by the sequence read with it.
     *
     * @param syncPending true when this change makes the result due for sync (approval)
     * @return false when someone else changed it first (nothing written)
     */
    public boolean update(RepairApplication a, long expectedSequence, List<OutboxEvent> events, boolean syncPending,
                          Instant now) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("status", a.status().name()),
                Updates.set("openKey", openKey(a)), Updates.set("application", json.writeValueAsString(a))));
        if (syncPending) {
            sets.add(Updates.set("syncState", "PENDING"));
            sets.add(Updates.set("syncNextAt", Date.from(now)));
            sets.add(Updates.set("syncAttempts", 0));
        }
        if (a.status() == RepairStatus.COMPLETED) {
            sets.add(Updates.set("syncState", "DONE"));
            sets.add(Updates.set("syncClaimedUntil", null));
        }
        sets.add(OutboxDocuments.appendEvents(events));
        try {
            var result = applications.updateOne(Filters.and(Filters.eq("_id", a.applicationId()),
                    Filters.eq(OutboxDocuments.SEQUENCE, expectedSequence)), Updates.combine(sets));
            if (result.getMatchedCount() == 1 && !events.isEmpty()) {
                relay.wakeUp(applications.getNamespace().getCollectionName(), a.applicationId()); // out now, not at the next sweep
            }
            return result.getMatchedCount() == 1;
        } catch (RuntimeException e) {
            if (Idempotency.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Claims one application whose sync is due: restart-safe, at most one instance works on it at a time. */
    public Optional<Stored> claimDueSync(Instant now, Duration lease) {
        Document d = applications.findOneAndUpdate(
                Filters.and(Filters.eq("syncState", "PENDING"), Filters.lte("syncNextAt", Date.from(now)),
                        Filters.or(Filters.eq("syncClaimedUntil", null),
                                Filters.lt("syncClaimedUntil", Date.from(now)))),
                Updates.combine(Updates.set("syncClaimedUntil", Date.from(now.plus(lease))),
                        Updates.inc("syncAttempts", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).sort(Sorts.ascending("syncNextAt")));
        return Optional.ofNullable(d).map(this::stored);
    }

    /** A failed attempt: try again after {@code backoff}; the claim is released. */
    public void syncFailed(String applicationId, String error, Instant nextAt) {
        applications.updateOne(Filters.eq("_id", applicationId), Updates.combine(
                Updates.set("syncLastError", error), Updates.set("syncNextAt", Date.from(nextAt)),
                Updates.set("syncClaimedUntil", null)));
    }

    /** Nothing left to push (the repair was revoked before it was synced). */
    public void syncCancelled(String applicationId, String why) {
        applications.updateOne(Filters.eq("_id", applicationId), Updates.combine(Updates.set("syncState", "CANCELLED"),
                Updates.set("syncLastError", why), Updates.set("syncClaimedUntil", null)));
    }

    private static String openKey(RepairApplication a) {
        return a.status().open() ? a.recordId() : a.applicationId();
    }

    private Stored stored(Document d) {
        Number attempts = (Number) d.get("syncAttempts");
        Date next = d.getDate("syncNextAt");
        return new Stored(json.readValue(d.getString("application"), RepairApplication.class),
                OutboxDocuments.lastSequence(d), new SyncState(d.getString("syncState"),
                attempts == null ? 0 : attempts.intValue(), d.getString("syncLastError"),
                next == null ? null : next.toInstant()));
    }
}
