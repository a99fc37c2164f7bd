package cn.gov.eco.enforcement.decision.infrastructure;

import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.enforcement.decision.model.Enterprise;
import cn.gov.eco.enforcement.decision.model.Penalty;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.platform.record.ProcessRecord;
import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.platform.web.ProblemException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cases} collection. A recorded decision and its {@code PenaltyDecided} event are written in one
 * single-document insert (the outbox is in the document), so neither exists without the other.
 */
public class CaseRepository {

    public static final String COLLECTION = "cases";
    /** The case's full-process record (执法全过程记录), appended with every state change in the same write. */
    public static final String RECORD = "record";

    private final MongoCollection<Document> cases;
    private final OutboxWriter outbox;
    /** Read at each event: an official year loaded at run time changes the calendar version. */
    private final java.util.function.Supplier<String> calendarVersion;

    public CaseRepository(MongoDatabase db, OutboxWriter outbox, String calendarVersion) {
        this(db, outbox, () -> calendarVersion);
    }

    public CaseRepository(MongoDatabase db, OutboxWriter outbox, java.util.function.Supplier<String> calendarVersion) {
        this.cases = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.calendarVersion = calendarVersion;
        // 文号 unique per issuing organ, kind and year (DOMAIN.md §8.5.3): the formatted number encodes all three.
        // Sparse: cases still in the flow (lead to decision) have no decision number yet. An older non-sparse index
        // of the same key is replaced.
        for (Document index : cases.listIndexes()) {
            if ("decision_document_number_unique".equals(index.getString("name")) && !index.getBoolean("sparse", false)) {
                cases.dropIndex("decision_document_number_unique");
            }
        }
        cases.createIndex(Indexes.ascending("decision.documentNumber"),
                new IndexOptions().unique(true).sparse(true).name("decision_document_number_unique"));
    }

    public void insertDecided(PenaltyDecision d, ClassifiedPlan plan, ActorRef recordedBy) {
        insertDecided(d, plan, recordedBy, java.util.Map.of());
    }

    /**
     * @param attestations the gate attestations of a decision registered from outside the system (legal review,
     *                     minutes, hearing right), stored under {@code registration} and in the record entry
     */
    public void insertDecided(PenaltyDecision d, ClassifiedPlan plan, ActorRef recordedBy,
                              java.util.Map<String, String> attestations) {
        var event = outbox.raise(EventTypes.PENALTY_DECIDED, d.caseId(), d.caseId(), 1, "none", calendarVersion.get(),
                PenaltyDecidedV1.from(d, plan));
        Document doc = new Document("_id", d.caseId())
                .append("state", "DECIDED")
                .append("version", 1L)
                .append("decision", toBson(d))
                .append("recordedBy", new Document("userId", recordedBy.userId()).append("name", recordedBy.name())
                        .append("role", recordedBy.role().name()).append("at", java.util.Date.from(d.recordedAt())))
                .append(RECORD, List.of(ProcessRecord.toBson(ProcessRecord.next(null, d.recordedAt(), recordedBy,
                        "DECISION_RECORDED", null, "DECIDED", null, List.of(d.documentNumber()),
                        details(d, plan, attestations)))));
        if (!attestations.isEmpty()) {
            doc.append("registration", new Document(new java.util.LinkedHashMap<String, Object>(attestations)));
        }
        if (!outbox.insertWithEvents(cases, doc, List.of(event))) {
            throw ProblemException.conflict("DOCUMENT_NUMBER_TAKEN", "documentNumber",
                    "文号 " + d.documentNumber() + " 已被使用（同一机关、同一种类、同一年度内文号不得重复）",
                    "Document number " + d.documentNumber() + " is already used (unique per organ, kind and year)")
                    .titled("文号已被使用", "Document number already used");
        }
    }

    private static java.util.Map<String, String> details(PenaltyDecision d, ClassifiedPlan plan,
                                                         java.util.Map<String, String> attestations) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(java.util.Map.of("caseId", d.caseId(),
                "decisionId", d.decisionId(), "uscc", d.enterprise().uscc(), "documentNumber", d.documentNumber(),
                "severityTier", d.severityTier().name(), "decisionDate", d.decisionDate().toString()));
        m.putAll(publicityDetails(d, plan));
        m.putAll(attestations);
        return m;
    }

    /** What the full-process record keeps of the publicity plan classified at the decision. */
    public static java.util.Map<String, String> publicityDetails(PenaltyDecision d, ClassifiedPlan plan) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("publicityTier", plan.classification().appliedTier().name());
        m.put("publicityRuleSet", plan.plan().ruleSetId());
        if (plan.plan().earliestApplicationDate() != null) {
            m.put("earliestRepairApplication", plan.plan().earliestApplicationDate().date().toString());
        }
        if (d.nonRepairable() != null) {
            m.put("nonRepairableLegalBasis", d.nonRepairable().legalBasis());
        }
        return m;
    }

    /** Registered decisions whose USCC failed the check character and awaits an officer's verification. */
    public List<PenaltyDecision> usccToVerify() {
        List<PenaltyDecision> out = new java.util.ArrayList<>();
        cases.find(Filters.eq("decision.enterprise.usccStatus", Enterprise.NEEDS_MANUAL_VERIFICATION))
                .limit(500).forEach(d -> out.add(fromBson(d.getString("_id"), d.get("decision", Document.class))));
        return out;
    }

    /**
     * An officer confirmed the USCC against the registry: MANUALLY_VERIFIED, with an entry in the full-process record,
     * in one write guarded by the case's version.
     *
     * @return false when the case is not (or no longer) awaiting verification
     */
    public boolean confirmUscc(String caseId, ActorRef actor, java.time.Instant at, String registryReference,
                               String note) {
        Document doc = cases.find(Filters.and(Filters.eq("_id", caseId),
                Filters.eq("decision.enterprise.usccStatus", Enterprise.NEEDS_MANUAL_VERIFICATION))).first();
        if (doc == null) {
            return false;
        }
        List<Document> record = doc.getList(RECORD, Document.class, List.of());
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("uscc", doc.get("decision", Document.class).get("enterprise", Document.class).getString("uscc"));
        details.put("registryReference", registryReference);
        if (note != null) {
            details.put("note", note);
        }
        var entry = ProcessRecord.next(record.isEmpty() ? null : ProcessRecord.fromBson(record.getLast()), at, actor,
                "USCC_VERIFIED", doc.getString("state"), doc.getString("state"), "统一社会信用代码已人工核验",
                List.of(), details);
        Number version = (Number) doc.get("version");
        long v = version == null ? 0 : version.longValue();
        var versionFilter = v == 0 ? Filters.or(Filters.eq("version", 0L), Filters.exists("version", false))
                : Filters.eq("version", v);
        var result = cases.updateOne(Filters.and(Filters.eq("_id", caseId), versionFilter,
                        Filters.eq("decision.enterprise.usccStatus", Enterprise.NEEDS_MANUAL_VERIFICATION)),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("decision.enterprise.usccStatus",
                                Enterprise.MANUALLY_VERIFIED),
                        com.mongodb.client.model.Updates.set("version", v + 1),
                        com.mongodb.client.model.Updates.push(RECORD, ProcessRecord.toBson(entry))));
        return result.getMatchedCount() == 1;
    }

    public Optional<Document> find(String caseId) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", caseId)).first());
    }

    public static Document toBson(PenaltyDecision d) {
        var e = d.enterprise();
        return new Document("decisionId", d.decisionId())
                .append("documentNumber", d.documentNumber())
                .append("decisionDate", d.decisionDate().toString())
                .append("enterprise", new Document("uscc", e.uscc()).append("name", e.name())
                        .append("address", e.address()).append("legalRepresentative", e.legalRepresentative())
                        .append("usccStatus", e.usccStatus()))
                .append("penalties", d.penalties().stream().map(p -> new Document("type", p.type().name())
                        .append("amount", p.amount() == null ? null : new Decimal128(p.amount()))
                        .append("description", p.description())).toList())
                .append("severityTier", d.severityTier().name())
                .append("facts", d.facts())
                .append("evidence", d.evidence())
                .append("violatedProvision", d.violatedProvision())
                .append("penaltyBasisProvision", d.penaltyBasisProvision())
                .append("discretionStatement", d.discretionStatement())
                .append("issuingAgency", d.issuingAgency())
                .append("recordedAt", Date.from(d.recordedAt()))
                .append("nonRepairable", d.nonRepairable() == null ? null
                        : new Document("legalBasis", d.nonRepairable().legalBasis())
                        .append("reasonZh", d.nonRepairable().reasonZh()));
    }

    public static PenaltyDecision fromBson(String caseId, Document d) {
        Document e = d.get("enterprise", Document.class);
        List<Penalty> penalties = d.getList("penalties", Document.class).stream().map(p -> new Penalty(
                PenaltyType.valueOf(p.getString("type")),
                p.get("amount") == null ? null : ((Decimal128) p.get("amount")).bigDecimalValue().setScale(2),
                p.getString("description"))).toList();
        return new PenaltyDecision(caseId, d.getString("decisionId"), d.getString("documentNumber"),
                LocalDate.parse(d.getString("decisionDate")),
                new Enterprise(e.getString("uscc"), e.getString("name"), e.getString("address"),
                        e.getString("legalRepresentative"), e.getString("usccStatus")),
                penalties, SeverityTier.valueOf(d.getString("severityTier")), d.getString("facts"),
                d.getList("evidence", String.class), d.getString("violatedProvision"),
                d.getString("penaltyBasisProvision"), d.getString("discretionStatement"),
                d.getString("issuingAgency"), d.getDate("recordedAt").toInstant(), nonRepairable(d));
    }

    private static NonRepairableDesignation nonRepairable(Document d) {
        Document n = d.get("nonRepairable", Document.class);
        return n == null ? null : new NonRepairableDesignation(n.getString("legalBasis"), n.getString("reasonZh"));
    }

    static BigDecimal amount(Object o) {
        return o == null ? null : ((Decimal128) o).bigDecimalValue();
    }
}
