package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.platform.store.Counting;
import cn.gov.eco.credit.publicity.model.PublicityChange;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.credit.publicity.model.PublicityStatus;
import cn.gov.eco.credit.publicity.application.DecisionOutcomeMessage;
import cn.gov.eco.platform.messaging.Idempotency;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The {@code publicity_records} collection, one document per decision (id = case id), with its outbox. Each change
 * is one single-document update guarded by the document's {@code version}: the record, its events and its next due
 * time ({@code dueAt}, the start of the day in Asia/Shanghai when time alone changes it) are written together. The
 * scheduler claims due documents with {@code findOneAndUpdate} and a lease ({@code claimedUntil}), so a restart or a
 * second instance never applies a change twice and a crashed claim is taken over when its lease ends. No TTL index.
 */
public class PublicityRepository {

    public static final String COLLECTION = "publicity_records";
    /** Revocations and amendments that arrived before the record they concern (another topic, another pace). */
    public static final String PENDING = "publicity_pending_outcomes";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> pending;
    private final OutboxWriter outbox;
    private final JsonMapper json;

    public PublicityRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json) {
        this.records = db.getCollection(COLLECTION);
        this.pending = db.getCollection(PENDING);
        pending.createIndex(Indexes.ascending("caseId"));
        this.outbox = outbox;
        this.json = json;
        records.createIndex(Indexes.ascending("uscc", "record.decisionDate"));
        records.createIndex(Indexes.ascending("dueAt"));
        records.createIndex(Indexes.ascending("status"));
        records.createIndex(Indexes.ascending("planReviewPending"));
    }

    /** A record as stored, with the version its next write must match and its last event sequence. */
    public record Stored(PublicityRecord record, long version, long lastSequence) {
    }

    public boolean exists(String caseId) {
        return Counting.exists(records, Filters.eq("_id", caseId));
    }

    public boolean insertOpened(PublicityRecord r) {
        Document doc = new Document("_id", r.recordId())
                .append("uscc", r.uscc())
                .append("status", r.status().name())
                .append("version", 0L)
                .append("dueAt", dueAt(r))
                .append("transitionPending", transitionPending(r))
                .append("planReviewPending", planReviewPending(r))
                .append("record", Document.parse(json.writeValueAsString(r)));
        return outbox.insertWithEvents(records, doc, List.of(PublicityEvents.openingEvent(outbox, r)));
    }

    public Optional<Stored> find(String recordId) {
        Document d = records.find(Filters.eq("_id", recordId)).first();
        return Optional.ofNullable(d).map(this::stored);
    }

    /**
     * Writes a change and its events in one update if nobody changed the record since {@code before} was read.
     *
     * @return false on a concurrent change: read again and retry
     */
    public boolean save(Stored before, PublicityRecord after, List<PublicityChange> changes, LocalDate today) {
        List<OutboxEvent> events = PublicityEvents.changeEvents(outbox, before.record(), after, changes,
                before.lastSequence(), today);
        Bson versionFilter = before.version() == 0
                ? Filters.or(Filters.eq("version", 0L), Filters.exists("version", false))
                : Filters.eq("version", before.version());
        List<Bson> sets = new ArrayList<>(List.of(
                Updates.set("record", Document.parse(json.writeValueAsString(after))),
                Updates.set("status", after.status().name()),
                Updates.set("version", before.version() + 1),
                Updates.set("dueAt", dueAt(after)),
                Updates.set("transitionPending", transitionPending(after)),
                Updates.set("planReviewPending", planReviewPending(after)),
                Updates.unset("claimedUntil")));
        return outbox.updateWithEvents(records, before.record().recordId(), versionFilter, Updates.combine(sets),
                events);
    }

    /**
     * Claims up to {@code limit} records whose due time has come and that nobody holds (or whose holder's lease has
     * ended): one query finds candidates, then each is claimed by id with {@code findOneAndUpdate} under the same
     * conditions, so of two instances racing for a record exactly one gets it.
     *
     * @return the ids of the records claimed
     */
    public List<String> claimDue(Instant now, Instant leaseUntil, int limit) {
        Bson due = Filters.and(Filters.lte("dueAt", Date.from(now)),
                Filters.or(Filters.exists("claimedUntil", false), Filters.lte("claimedUntil", Date.from(now))));
        List<String> candidates = new ArrayList<>();
        for (Document d : records.find(due).projection(new Document("_id", 1)).limit(limit)) {
            candidates.add(d.getString("_id"));
        }
        List<String> claimed = new ArrayList<>();
        for (String id : candidates) {
            Document d = records.findOneAndUpdate(Filters.and(Filters.eq("_id", id), due),
                    Updates.set("claimedUntil", Date.from(leaseUntil)),
                    new FindOneAndUpdateOptions().projection(new Document("_id", 1)));
            if (d != null) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** Gives a claim back without a change (the due time was stale): the due time is recomputed. */
    public void release(Stored s) {
        records.updateOne(Filters.eq("_id", s.record().recordId()),
                Updates.combine(Updates.set("dueAt", dueAt(s.record())), Updates.unset("claimedUntil")));
    }

    /** A decision outcome kept until its record opens; its id is derived from the event, so a redelivery is a no-op. */
    public record PendingOutcome(String kind, DecisionOutcomeMessage message) {
    }

    public void savePending(String kind, DecisionOutcomeMessage m) {
        Idempotency.insertOnce(pending, new Document("_id", m.caseId() + "/" + kind + "/" + m.effectiveDate() + "/"
                + m.source()).append("caseId", m.caseId()).append("kind", kind)
                .append("effectiveDate", m.effectiveDate().toString())
                .append("message", Document.parse(json.writeValueAsString(m))));
    }

    /** The outcomes waiting for {@code caseId}'s record, in the order they took effect. */
    public List<PendingOutcome> pending(String caseId) {
        List<PendingOutcome> out = new ArrayList<>();
        for (Document d : pending.find(Filters.eq("caseId", caseId)).sort(Sorts.ascending("effectiveDate"))) {
            out.add(new PendingOutcome(d.getString("kind"),
                    json.readValue(d.get("message", Document.class).toJson(), DecisionOutcomeMessage.class)));
        }
        return out;
    }

    public List<PublicityRecord> byEnterprise(String uscc) {
        return list(Filters.eq("uscc", uscc), Sorts.ascending("record.decisionDate"));
    }

    /** Records withdrawn because the decision was revoked or changed, soonest deadline first. */
    public List<PublicityRecord> withdrawals() {
        return list(Filters.ne("record.withdrawal", null), Sorts.ascending("record.withdrawal.withdrawBy"));
    }

    /** Transitional records whose treatment a legal reviewer has not yet confirmed. */
    public List<PublicityRecord> transitionalUnconfirmed() {
        return list(Filters.eq("transitionPending", true), Sorts.ascending("record.decisionDate"));
    }

    /** Records whose served plan this service's configuration would now give differently, not yet reviewed. */
    public List<PublicityRecord> planDifferencesUnreviewed() {
        return list(Filters.eq("planReviewPending", true), Sorts.ascending("record.decisionDate"));
    }

    /** Published records (open) of one enterprise. */
    public long countPublished(String uscc) {
        return Counting.count(records, Filters.and(Filters.eq("uscc", uscc), Filters.in("status",
                List.of(PublicityStatus.values()).stream().filter(PublicityStatus::published).map(Enum::name).toList())));
    }

    private List<PublicityRecord> list(Bson filter, Bson sort) {
        List<PublicityRecord> out = new ArrayList<>();
        for (Document d : records.find(filter).sort(sort).limit(500)) {
            out.add(read(d));
        }
        return out;
    }

    private Stored stored(Document d) {
        Number v = (Number) d.get("version");
        return new Stored(read(d), v == null ? 0 : v.longValue(), OutboxDocuments.lastSequence(d));
    }

    private PublicityRecord read(Document d) {
        return json.readValue(d.get("record", Document.class).toJson(), PublicityRecord.class);
    }

    private static Date dueAt(PublicityRecord r) {
        return r.nextDueDate().map(day -> Date.from(day.atStartOfDay(CHINA).toInstant())).orElse(null);
    }

    private static boolean planReviewPending(PublicityRecord r) {
        return r.planReview() != null && r.planReview().pending();
    }

    private static boolean transitionPending(PublicityRecord r) {
        return r.transitionReview() != null && !r.transitionReview().confirmed();
    }
}
