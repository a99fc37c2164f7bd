package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.platform.store.Counting;
import cn.gov.eco.contracts.EventType;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.trace.TraceContext;
import cn.gov.eco.platform.trace.Traces;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
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
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * The {@code deliveries} collection: one document per decision (id = case id) holding both documents, every attempt
 * and act of service, and the outbox. Every change is ONE single-document write of the new state with its events,
 * guarded by the version read (optimistic lock), so no event exists without its state and no state without its
 * events (ARCHITECTURE.md, "Consistency model"; RELIABILITY.md R1, R6).
 *
 * <p>Top-level fields for queries, derived from the model on every write: {@code status}, {@code uscc},
 * {@code nonconforming}, {@code overdue}, and {@code nextDueAt}, when the scheduler has work for the delivery. A
 * scheduler takes a due delivery with {@link #claimDue} (findOneAndUpdate setting {@code claimedUntil}), so two
 * instances never work on one delivery at once and a crashed instance's claim lapses by itself.
 */
public class DeliveryRepository {

    public static final String COLLECTION = "deliveries";
    static final Date UNCLAIMED = new Date(0);
    /** A field no delivery has: excluding it projects every field (see {@link #claim}). */
    private static final String NO_SUCH_FIELD = "__projectEveryField";

    private final MongoCollection<Document> deliveries;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final JsonMapper json;

    public DeliveryRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay, JsonMapper json) {
        this.deliveries = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.relay = relay;
        this.json = json;
    }

    /**
     * A delivery as read, with the version and last event sequence a write must build on, and the trace of the
     * decision it serves ({@code traceparent}, stored at creation): its later events continue that trace.
     */
    public record Stored(DualDelivery delivery, long version, long lastSequence, String claimToken, String traceparent) {

        public Stored(DualDelivery delivery, long version, long lastSequence, String claimToken) {
            this(delivery, version, lastSequence, claimToken, null);
        }
    }

    /** The field holding the trace of the decision a delivery serves (the PenaltyDecided record's span). */
    static final String TRACEPARENT = "traceparent";

    /** An event to raise with a change: its type and payload (a record of {@link DeliveryEvents}). */
    public record NewEvent(EventType type, Object payload) {
    }

    public void ensureIndexes() {
        deliveries.createIndex(Indexes.ascending("nextDueAt"), new IndexOptions().name("next_due_at"));
        deliveries.createIndex(Indexes.ascending("uscc"), new IndexOptions().name("uscc"));
        deliveries.createIndex(Indexes.ascending("nonconforming"), new IndexOptions().name("nonconforming"));
        deliveries.createIndex(Indexes.ascending("overdue"), new IndexOptions().name("overdue"));
    }

    public boolean exists(String caseId) {
        return Counting.exists(deliveries, eq("_id", caseId));
    }

    /** A new delivery with its first events in one insert; false if it already existed (nothing written). */
    public boolean insert(DualDelivery d, List<NewEvent> events) {
        Document doc = state(new Document("_id", d.deliveryId()), d).append("version", 1L)
                .append("claimedUntil", UNCLAIMED).append(TRACEPARENT, TraceContext.currentOrNew().header());
        return outbox.insertWithEvents(deliveries, doc, raise(d, events, 0));
    }

    public Optional<Stored> load(String caseId) {
        return Optional.ofNullable(deliveries.find(eq("_id", caseId)).first()).map(this::stored);
    }

    public Optional<DualDelivery> find(String caseId) {
        return load(caseId).map(Stored::delivery);
    }

    /**
     * Writes the new state and its events if nobody wrote since {@code prior} was read.
     *
     * @return false on a concurrent change (nothing written): read again and decide again
     */
    public boolean save(Stored prior, DualDelivery next, List<NewEvent> events) {
        return write(prior, next, events, false);
    }

    /** As {@link #save}, and gives up the scheduler's claim taken with {@link #claimDue}. */
    public boolean saveAndRelease(Stored prior, DualDelivery next, List<NewEvent> events) {
        return write(prior, next, events, true);
    }

    /** Gives up a claim without a change (the work is not due after all); false if the delivery changed. */
    public boolean release(Stored claimed) {
        return deliveries.updateOne(and(eq("_id", claimed.delivery().deliveryId()), eq("version", claimed.version())),
                Updates.combine(Updates.set("claimedUntil", UNCLAIMED), Updates.inc("version", 1L)))
                .getModifiedCount() == 1;
    }

    /**
     * Claims one delivery whose work is due at {@code now} and not claimed by another scheduler (or whose claim
     * lapsed): findOneAndUpdate sets {@code claimedUntil = now + lease} and bumps the version, atomically.
     */
    public Optional<Stored> claimDue(Instant now, Duration lease) {
        return claim(null, now, lease);
    }

    /**
     * As {@link #claimDue(Instant, Duration)}, for the one delivery named: read by its {@code _id} (a lookup, where
     * the sweep reads the whole collection on the embedded wire server, which keeps no index on {@code nextDueAt}).
     */
    public Optional<Stored> claimDue(String deliveryId, Instant now, Duration lease) {
        return claim(deliveryId, now, lease);
    }

    /** The claim of {@code deliveryId}, or of any due delivery when it is null. */
    private Optional<Stored> claim(String deliveryId, Instant now, Duration lease) {
        Date at = Date.from(now);
        Bson due = and(lte("nextDueAt", at), lte("claimedUntil", at));
        Document claimed = deliveries.findOneAndUpdate(deliveryId == null ? due : and(eq("_id", deliveryId), due),
                Updates.combine(Updates.set("claimedUntil", Date.from(now.plus(lease))),
                        Updates.set("claimToken", UUID.randomUUID().toString()), Updates.inc("version", 1L)),
                // no sort: any due delivery will do, and a sort makes the MongoDB wire server of the embedded
                // default collect every due document for each claim. The projection (of every field) makes the wire
                // server copy the claimed document under its lock: without one it encodes its stored document after
                // the lock is released, and a concurrent write (an officer recording a service) made that encoding
                // fail with a ConcurrentModificationException — the claim applied, its answer lost, the delivery
                // reserved until the lease lapsed. A no-op on a real MongoDB.
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.exclude(NO_SUCH_FIELD)));
        return Optional.ofNullable(claimed).map(this::stored);
    }

    /**
     * Open deliveries (not served) whose serve-by date rests on the provisional calendar {@code year}: read once a
     * year, when that year's official table is loaded, so a scan is acceptable.
     */
    public List<Stored> openWithProvisionalServeBy(int year) {
        return deliveries.find(com.mongodb.client.model.Filters.ne("status", DualDelivery.Status.SERVED.name()))
                .map(this::stored).into(new ArrayList<>()).stream()
                .filter(s -> s.delivery().serveBy() != null
                        && s.delivery().serveBy().derivation().provisionalYears().contains(year))
                .toList();
    }

    /** Deliveries carrying a flag for the reviewers, oldest first: {@code nonconforming} or {@code overdue}. */
    public List<DualDelivery> flagged(String flag, int limit) {
        return deliveries.find(eq(flag, true)).sort(Sorts.ascending("_id")).limit(limit)
                .map(d -> stored(d).delivery()).into(new ArrayList<>());
    }

    private boolean write(Stored prior, DualDelivery next, List<NewEvent> events, boolean release) {
        // a scheduler's pass or a platform's callback: the events continue the decision's trace
        List<OutboxEvent> raised = Traces.continuing(prior.traceparent(),
                () -> raise(next, events, prior.lastSequence()));
        List<Bson> updates = new ArrayList<>();
        Document fields = state(new Document(), next);
        fields.forEach((k, v) -> updates.add(Updates.set(k, v)));
        updates.add(Updates.set("version", prior.version() + 1));
        if (release) {
            updates.add(Updates.set("claimedUntil", UNCLAIMED));
        }
        if (!raised.isEmpty()) {
            updates.add(OutboxDocuments.appendEvents(raised));
        }
        boolean written = deliveries.updateOne(and(eq("_id", next.deliveryId()), eq("version", prior.version())),
                Updates.combine(updates)).getModifiedCount() == 1;
        if (written && !raised.isEmpty()) {
            relay.wakeUp(deliveries.getNamespace().getCollectionName(), next.deliveryId());
        }
        return written;
    }

    private Document state(Document doc, DualDelivery d) {
        return doc.append("uscc", d.uscc())
                .append("status", d.status().name())
                .append("nonconforming", d.nonconforming())
                .append("overdue", d.overdue())
                .append("nextDueAt", d.nextDueAt().map(Date::from).orElse(null))
                .append("delivery", Document.parse(json.writeValueAsString(d)));
    }

    private List<OutboxEvent> raise(DualDelivery d, List<NewEvent> events, long lastSequence) {
        String ruleSet = d.decisionFacts() == null ? null : d.decisionFacts().ruleSetId();
        String calendar = d.serveBy() == null ? null : d.serveBy().derivation().calendarVersion();
        List<OutboxEvent> out = new ArrayList<>();
        long seq = lastSequence;
        for (NewEvent e : events) {
            out.add(outbox.raise(e.type(), d.caseId(), d.deliveryId(), ++seq, ruleSet, calendar, e.payload()));
        }
        return out;
    }

    private Stored stored(Document doc) {
        DualDelivery d = json.readValue(doc.get("delivery", Document.class).toJson(), DualDelivery.class);
        Number version = (Number) doc.get("version");
        return new Stored(d, version == null ? 0 : version.longValue(), OutboxDocuments.lastSequence(doc),
                doc.getString("claimToken"), doc.getString(TRACEPARENT));
    }
}
