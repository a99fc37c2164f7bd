package cn.gov.eco.enforcement.casefile.infrastructure;

import cn.gov.eco.platform.store.Counting;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.casefile.model.CaseState;
import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.platform.messaging.Idempotency;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.record.ProcessRecord;
import cn.gov.eco.platform.record.RecordEntry;
import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.platform.web.ProblemException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * The case flow's view of the {@code cases} collection: the case file lives in the {@code file} sub-document of the
 * same case document that carries {@code state}, {@code version}, {@code record} (hash chain), the outbox and, once
 * decided, {@code decision}. Each state change is one single-document update filtered on the version read: the state,
 * the file, the record entry, the events and (at the decision) the decision document together, or nothing.
 */
public class CaseFileRepository {

    public static final String FILE = "file";
    public static final String VERSION = "version";
    public static final String STATE = "state";

    private final MongoCollection<Document> cases;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    /** Read at each event: an official year loaded at run time changes the calendar version. */
    private final java.util.function.Supplier<String> calendarVersion;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    public CaseFileRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay, String calendarVersion) {
        this(db, outbox, relay, () -> calendarVersion);
    }

    public CaseFileRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay, java.util.function.Supplier<String> calendarVersion) {
        this.cases = db.getCollection(CaseRepository.COLLECTION);
        this.outbox = outbox;
        this.relay = relay;
        this.calendarVersion = calendarVersion;
    }

    /** A case as read: its file (null for a decision registered without the flow), version and raw document. */
    public record Loaded(CaseFile file, long version, String state, Document raw) {
    }

    /** Refused because another change of the same case was written first. */
    public static ProblemException concurrentChange(String caseId) {
        return ProblemException.conflict("CONCURRENT_MODIFICATION", "version",
                "案件 " + caseId + " 已被他人同时修改，请刷新后重试（本次未作任何更改）",
                "Case " + caseId + " was changed by someone else at the same time; reload and retry (nothing was changed)");
    }

    public Optional<Loaded> load(String caseId) {
        // The projection makes the embedded MongoDB wire server copy the document under its lock (without one it
        // serialises its stored document after the lock is released, and a concurrent write could tear the read).
        Document d = cases.find(Filters.eq("_id", caseId)).projection(Projections.include(STATE, VERSION, FILE,
                CaseRepository.RECORD, OutboxDocuments.SEQUENCE, "decision")).first();
        if (d == null) {
            return Optional.empty();
        }
        Number v = d.get(VERSION, Number.class);
        Document f = d.get(FILE, Document.class);
        return Optional.of(new Loaded(f == null ? null : fromBson(f), v == null ? 0 : v.longValue(),
                d.getString(STATE), d));
    }

    /** Inserts a new case (a lead) with its first record entry and events. */
    public void insert(CaseFile.Transition t, ActorRef actor, Instant at, List<CaseEvents.Raised> events) {
        CaseFile c = t.after();
        RecordEntry entry = ProcessRecord.next(null, at, actor, t.action(), null, c.state().name(), t.reason(),
                t.documents(), t.details());
        Document doc = new Document("_id", c.caseId()).append(STATE, c.state().name()).append(VERSION, 1L)
                .append(FILE, toBson(c)).append(CaseRepository.RECORD, List.of(ProcessRecord.toBson(entry)));
        if (!outbox.insertWithEvents(cases, doc, raise(c.caseId(), 0, events))) {
            throw ProblemException.conflict("CASE_EXISTS", "caseId", "案件已存在", "The case already exists");
        }
    }

    /**
     * Writes a transition if the case is still at {@code loaded.version()}: state, file, record entry, events and the
     * optional decision document in one update.
     *
     * @throws ProblemException 409 when another change came first (nothing written)
     * @throws DuplicateDecisionNumber when the decision's number is already taken (nothing written)
     */
    public void save(Loaded loaded, CaseFile.Transition t, ActorRef actor, Instant at, List<CaseEvents.Raised> events,
                     Document decision) {
        CaseFile c = t.after();
        List<RecordEntry> record = ProcessRecord.fromBson(loaded.raw().getList(CaseRepository.RECORD, Document.class));
        RecordEntry entry = ProcessRecord.next(record.isEmpty() ? null : record.getLast(), at, actor, t.action(),
                loaded.state(), c.state().name(), t.reason(), t.documents(), t.details());
        List<Bson> updates = new ArrayList<>(List.of(set(STATE, c.state().name()), set(VERSION, loaded.version() + 1),
                set(FILE, toBson(c)), push(CaseRepository.RECORD, ProcessRecord.toBson(entry))));
        List<OutboxEvent> raised = raise(c.caseId(), OutboxDocuments.lastSequence(loaded.raw()), events);
        if (!raised.isEmpty()) {
            updates.add(OutboxDocuments.appendEvents(raised));
        }
        if (decision != null) {
            updates.add(set("decision", decision));
        }
        long matched;
        try {
            matched = cases.updateOne(Filters.and(Filters.eq("_id", c.caseId()), Filters.eq(VERSION, loaded.version())),
                    combine(updates)).getMatchedCount();
        } catch (RuntimeException e) {
            if (decision != null && Idempotency.isDuplicateKey(e)) {
                throw new DuplicateDecisionNumber(decision.getString("documentNumber"));
            }
            throw e;
        }
        if (matched == 0) {
            throw concurrentChange(c.caseId());
        }
        if (!raised.isEmpty()) {
            relay.wakeUp(cases.getNamespace().getCollectionName(), c.caseId());
        }
    }

    /** The decision number was taken, e.g. by a decision registered from outside the system. */
    public static class DuplicateDecisionNumber extends RuntimeException {
        public DuplicateDecisionNumber(String number) {
            super(number);
        }
    }

    /** Cases in a state, by case id, at most {@code limit} (the legal-review queue). */
    public List<CaseFile> inState(CaseState state, int limit) {
        List<CaseFile> out = new ArrayList<>();
        for (Document d : cases.find(Filters.eq(STATE, state.name())).projection(Projections.include(FILE))
                .sort(Sorts.ascending("_id")).limit(limit)) {
            Document f = d.get(FILE, Document.class);
            if (f != null) {
                out.add(fromBson(f));
            }
        }
        return out;
    }

    /**
     * Earlier decided violations of {@code provision} by the party {@code uscc}, other than {@code caseId}: penalty
     * decisions (registered or decided in the flow) and first-violation exemptions already granted.
     */
    public long priorViolations(String uscc, String provision, String caseId) {
        return Counting.count(cases, Filters.and(Filters.ne("_id", caseId), Filters.or(
                Filters.and(Filters.eq("decision.enterprise.uscc", uscc), Filters.eq("decision.violatedProvision", provision)),
                Filters.and(Filters.eq(STATE, CaseState.DECIDED_NO_PENALTY.name()), Filters.eq(FILE + ".party.uscc", uscc),
                        Filters.eq(FILE + ".proposal.violatedProvision", provision)))));
    }

    /** How many legal reviews a reviewer has concluded before (行政处罚法 第五十八条第二款: the first time needs the qualification). */
    public long legalReviewsConcludedBy(String userId) {
        return Counting.count(cases, Filters.eq(FILE + ".legalReviews.reviewerId", userId));
    }

    private List<OutboxEvent> raise(String caseId, long lastSequence, List<CaseEvents.Raised> events) {
        List<OutboxEvent> out = new ArrayList<>();
        long seq = lastSequence;
        for (var e : events) {
            out.add(outbox.raise(e.type(), caseId, caseId, ++seq, "none", calendarVersion.get(), e.payload()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Document toBson(CaseFile c) {
        Map<String, Object> map = json.convertValue(c, Map.class);
        return new Document((Map<String, Object>) bsonValues(map));
    }

    CaseFile fromBson(Document d) {
        return json.convertValue(plain(d), CaseFile.class);
    }

    /** Jackson's tree values as BSON wants them: money and other decimals as Decimal128, exact. */
    private static Object bsonValues(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), bsonValues(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(CaseFileRepository::bsonValues).toList();
        }
        if (o instanceof BigDecimal b) {
            return new Decimal128(b);
        }
        return o;
    }

    /** BSON values back to what Jackson reads: Decimal128 to BigDecimal, sub-documents to maps. */
    private static Object plain(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(CaseFileRepository::plain).toList();
        }
        if (o instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return o;
    }
}
