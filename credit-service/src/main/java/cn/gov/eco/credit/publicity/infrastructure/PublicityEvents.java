package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.platform.calendar.ExplainedDate;

/** The integration events of {@code credit.publicity.v1} (schemas in the contracts module). */
public final class PublicityEvents {

    private PublicityEvents() {
    }

    /** {@code cn.gov.eco.credit.PublicityOpened.v1} */
    public record PublicityOpenedV1(String uscc, String recordId, String caseId, String enterpriseName,
                                    String decisionDocumentNumber, String decisionDate, String severityTier,
                                    String ruleSetId, boolean transitional, String status, String publicityStart,
                                    ExplainedDate minPeriodEnd, ExplainedDate maxPeriodEnd,
                                    ExplainedDate earliestApplicationDate, ExplainedDate autoStopDate) {
    }

    /** {@code cn.gov.eco.credit.PublicityNotPublished.v1} */
    public record PublicityNotPublishedV1(String uscc, String recordId, String caseId, String enterpriseName,
                                          String decisionDocumentNumber, String decisionDate, String severityTier,
                                          String ruleSetId, boolean transitional, String reasonZh, String reasonEn) {
    }

    static PublicityOpenedV1 opened(PublicityRecord r) {
        var p = r.plan();
        return new PublicityOpenedV1(r.uscc(), r.recordId(), r.caseId(), r.enterpriseName(),
                r.decisionDocumentNumber(), r.decisionDate().toString(), p.tier().name(), p.ruleSetId(),
                p.transitional(), r.status().name(), p.publicityStart().toString(), p.minPeriodEnd(),
                p.maxPeriodEnd(), p.earliestApplicationDate(), p.autoStopDate());
    }

    static PublicityNotPublishedV1 notPublished(PublicityRecord r) {
        var p = r.plan();
        return new PublicityNotPublishedV1(r.uscc(), r.recordId(), r.caseId(), r.enterpriseName(),
                r.decisionDocumentNumber(), r.decisionDate().toString(), p.tier().name(), p.ruleSetId(),
                p.transitional(),
                p.ruleSetNameZh() + "：轻微失信信息原则上不予公示；履行法定义务后即可申请信用修复。",
                p.ruleSetId() + ": minor-tier information is not published by default; repair may be applied for"
                        + " as soon as the legal obligations are fulfilled.");
    }
}
