package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.platform.publicity.ClassifiedPlan;

/** The port to the document renderer: the two PDFs of one decision. */
public interface DocumentRendering {

    /**
     * @param plan         the publicity plan classified at the decision and carried in PenaltyDecided: the notice
     *                     prints its tier, dates and non-repairable designation, nothing recomputed
     * @param noticeNumber the repair-rights notice's own number, linked to the decision's
     */
    RenderedPair render(PenaltyDecidedMessage decided, ClassifiedPlan plan, String noticeNumber);

    record RenderedPair(byte[] decisionPdf, byte[] noticePdf) {
    }
}
