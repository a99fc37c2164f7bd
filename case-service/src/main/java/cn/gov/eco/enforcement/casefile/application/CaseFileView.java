package cn.gov.eco.enforcement.casefile.application;

import cn.gov.eco.enforcement.casefile.model.CaseDeadlines;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.casefile.model.Trigger;
import cn.gov.eco.platform.calendar.ExplainedDate;

import java.util.List;

/**
 * A case as the flow shows it: the file, every deadline as an explained date (with its article and derivation), and
 * which gates apply now and whether they are met.
 */
public record CaseFileView(String caseId, String state, String stateZh, long version, CaseFile file,
                          Deadlines deadlines, GateStatus gates) {

    /** The time rules (DOMAIN.md §8.4) that apply to the case so far; null where not yet applicable. */
    public record Deadlines(ExplainedDate filingDeadline, ExplainedDate limitationEnd,
                            CaseDeadlines.DecisionDeadline decisionDeadline, ExplainedDate statementWindowEnd,
                            ExplainedDate hearingRequestWindowEnd, ExplainedDate latestHearingNotice) {
    }

    /** The gates on the proposal as it stands (行政处罚法 第五十七条、第五十八条、第六十三条). */
    public record GateStatus(List<Trigger> hearingRight, boolean hearingRightOffered, List<Trigger> legalReview,
                             boolean legalReviewPassed, List<Trigger> collectiveDiscussion, boolean minutesRecorded) {
    }
}
