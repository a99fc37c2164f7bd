package cn.gov.eco.enforcement.decision.application;

import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.platform.record.ProcessRecord;
import cn.gov.eco.platform.record.RecordEntry;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.web.ProblemException;

import java.util.List;

/** Reading a case: agency staff read any case, an enterprise user only its own enterprise's (DOMAIN.md §8.2). */
public class CaseQueries {

    private final CaseRepository cases;
    private final AccessPolicy policy;

    public CaseQueries(CaseRepository cases, AccessPolicy policy) {
        this.cases = cases;
        this.policy = policy;
    }

    public record CaseRead(String caseId, String state, PenaltyDecision decision) {
    }

    public CaseRead get(Actor actor, String caseId) {
        var doc = cases.find(caseId).orElseThrow(() -> ProblemException.notFound("案件", "case", caseId));
        var decided = doc.get("decision", org.bson.Document.class);
        // a case still in the flow (lead to decision) has no decision yet: its party is in the case file
        PenaltyDecision decision = decided == null ? null : CaseRepository.fromBson(caseId, decided);
        var file = doc.get("file", org.bson.Document.class);
        String uscc = decision != null ? decision.enterprise().uscc()
                : file == null ? null : file.get("party", org.bson.Document.class).getString("uscc");
        policy.requireEnterprise(actor, "case " + caseId, uscc);
        return new CaseRead(caseId, doc.getString("state"), decision);
    }

    /**
     * The case's full-process record as stored, with the chain recomputed: an export an auditor can verify offline
     * (the algorithm is stated in it).
     */
    public record RecordExport(String caseId, String algorithm, ProcessRecord.Verification verification,
                               List<RecordEntry> entries) {
    }

    public RecordExport record(String caseId) {
        var doc = cases.find(caseId).orElseThrow(() -> ProblemException.notFound("案件", "case", caseId));
        List<RecordEntry> entries = ProcessRecord.fromBson(doc.getList(CaseRepository.RECORD, org.bson.Document.class));
        return new RecordExport(caseId, ProcessRecord.ALGORITHM, ProcessRecord.verify(entries), entries);
    }
}
