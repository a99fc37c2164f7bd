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
    private final java.time.Clock clock;

    public CaseQueries(CaseRepository cases, AccessPolicy policy, java.time.Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.clock = clock;
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

    /** Decisions whose USCC awaits an officer's verification against the registry (the exception queue). */
    public List<PenaltyDecision> usccToVerify() {
        return cases.usccToVerify();
    }

    /** An officer confirms the USCC of {@code caseId} against the registry (recorded in the full-process record). */
    public CaseRead confirmUscc(Actor actor, String caseId, String registryReference, String note) {
        List<cn.gov.eco.platform.web.Violation> v = new java.util.ArrayList<>();
        if (registryReference == null || registryReference.isBlank() || registryReference.length() > 500) {
            v.add(new cn.gov.eco.platform.web.Violation("registryReference", "REQUIRED",
                    "缺少核验依据（国家企业信用信息公示系统查询记录等，不超过500字）",
                    "Missing the registry reference the code was verified against (at most 500 characters)"));
        }
        if (note != null && note.length() > 2000) {
            v.add(new cn.gov.eco.platform.web.Violation("note", "TOO_LONG", "说明不得超过2000字",
                    "the note must not exceed 2,000 characters"));
        }
        if (!v.isEmpty()) {
            throw new cn.gov.eco.platform.web.InvalidInputException(v);
        }
        if (!cases.confirmUscc(caseId, actor.ref(cn.gov.eco.contracts.identity.Role.OFFICER),
                clock.instant(), registryReference.trim(), note)) {
            if (cases.find(caseId).isEmpty()) {
                throw cn.gov.eco.platform.web.ProblemException.notFound("案件", "case", caseId);
            }
            throw cn.gov.eco.platform.web.ProblemException.conflict("USCC_NOT_AWAITING_VERIFICATION", "caseId",
                    "该案件的统一社会信用代码不在待人工核验清单中（或已核验）",
                    "this case's USCC is not awaiting manual verification (or was already verified)");
        }
        return get(actor, caseId);
    }

    public RecordExport record(String caseId) {
        var doc = cases.find(caseId).orElseThrow(() -> ProblemException.notFound("案件", "case", caseId));
        List<RecordEntry> entries = ProcessRecord.fromBson(doc.getList(CaseRepository.RECORD, org.bson.Document.class));
        return new RecordExport(caseId, ProcessRecord.ALGORITHM, ProcessRecord.verify(entries), entries);
    }
}
