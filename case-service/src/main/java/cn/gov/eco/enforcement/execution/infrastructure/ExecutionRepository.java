package cn.gov.eco.enforcement.execution.infrastructure;

import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.enforcement.execution.application.ExecutionChange;
import cn.gov.eco.enforcement.execution.model.Execution;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.record.ProcessRecord;
import cn.gov.eco.platform.record.RecordEntry;
import cn.gov.eco.platform.security.ActorRef;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Execution's writes to the {@code cases} collection: the {@code execution} sub-document, the case {@code state},
 * the {@code version} (incremented on every write, and the write's filter), the hash-chained {@code record} and the
 * outbox — all in one single-document update, so no state change exists without its record entry and its events.
 */
public class ExecutionRepository {

    public static final String EXECUTION = "execution";
    public static final String VERSION = "version";

    private final MongoCollection<Document> cases;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    /** Read at each event: an official year loaded at run time changes the calendar version. */
    private final java.util.function.Supplier<String> calendarVersion;

    public ExecutionRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay, String calendarVersion) {
        this(db, outbox, relay, () -> calendarVersion);
    }

    public ExecutionRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay, java.util.function.Supplier<String> calendarVersion) {
        this.cases = db.getCollection(CaseRepository.COLLECTION);
        this.outbox = outbox;
        this.relay = relay;
        this.calendarVersion = calendarVersion;
    }

    /** A case as execution reads it: the decision, the execution (null before service) and what chains the write. */
    public record Loaded(String caseId, long version, String state, PenaltyDecision decision, Execution execution,
                         RecordEntry lastEntry, long lastSequence) {
    }

    /** The other side changed the case since it was read: nothing was written. */
    public static class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String caseId, long version) {
            super("case " + caseId + " changed after version " + version);
        }
    }

    public Optional<Loaded> load(String caseId) {
        Document doc = cases.find(Filters.eq("_id", caseId)).first();
        if (doc == null || doc.get("decision") == null) {
            return Optional.empty();
        }
        Document exec = doc.get(EXECUTION, Document.class);
        List<Document> record = doc.getList(CaseRepository.RECORD, Document.class, List.of());
        Number version = (Number) doc.get(VERSION);
        return Optional.of(new Loaded(caseId, version == null ? 0 : version.longValue(), doc.getString("state"),
                CaseRepository.fromBson(caseId, doc.get("decision", Document.class)),
                exec == null ? null : ExecutionDocuments.fromBson(caseId, exec),
                record.isEmpty() ? null : ProcessRecord.fromBson(record.getLast()),
                OutboxDocuments.lastSequence(doc)));
    }

    /**
     * Writes {@code change} over {@code before}: only if the case is still at {@code before.version()} (and, when
     * {@code firstExecution}, has no execution yet).
     *
     * @throws ConcurrentChangeException when the case changed in between: nothing was written
     */
    public void apply(Loaded before, ExecutionChange change, ActorRef actor, Instant at, boolean firstExecution) {
        List<Document> entries = new ArrayList<>();
        RecordEntry last = before.lastEntry();
        for (var step : change.steps()) {
            last = ProcessRecord.next(last, at, actor, step.action(), step.fromState(), step.toState(), step.reason(),
                    step.documents(), step.details());
            entries.add(ProcessRecord.toBson(last));
        }
        List<OutboxEvent> events = new ArrayList<>();
        long seq = before.lastSequence();
        for (var e : change.events()) {
            var mapped = ExecutionEventsV1.map(change.next(), e, at);
            events.add(outbox.raise(mapped.type(), before.caseId(), before.caseId(), ++seq, "none", calendarVersion.get(),
                    mapped.payload()));
        }
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set(EXECUTION, ExecutionDocuments.toBson(change.next())),
                Updates.set("state", change.state().name()),
                Updates.set(VERSION, before.version() + 1),
                Updates.pushEach(CaseRepository.RECORD, entries)));
        if (!events.isEmpty()) {
            updates.add(OutboxDocuments.appendEvents(events));
        }
        // a case written without a version (by another feature) counts as version 0
        Bson version = before.version() == 0
                ? Filters.or(Filters.eq(VERSION, 0L), Filters.exists(VERSION, false))
                : Filters.eq(VERSION, before.version());
        Bson filter = Filters.and(Filters.eq("_id", before.caseId()), version);
        if (firstExecution) {
            filter = Filters.and(filter, Filters.eq(EXECUTION, null));
        }
        var result = cases.updateOne(filter, Updates.combine(updates));
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentChangeException(before.caseId(), before.version());
        }
        if (!events.isEmpty()) {
            relay.wakeUp(cases.getNamespace().getCollectionName(), before.caseId());
        }
    }

    /** The ids of cases in any of {@code states} that have an execution: candidates for the overdue sweep. */
    public List<String> executingCaseIds(Collection<String> states) {
        List<String> ids = new ArrayList<>();
        cases.find(Filters.and(Filters.in("state", states), Filters.ne(EXECUTION, null)))
                .projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
