package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.platform.publicity.PublicityPlan;

/** The port to the document renderer: the two PDFs of one decision. */
public interface DocumentRendering {

    /** @param noticeNumber the repair-rights notice's own number, linked to the decision's */
    RenderedPair render(PenaltyDecidedMessage decided, PublicityPlan plan, String noticeNumber);

    record RenderedPair(byte[] decisionPdf, byte[] noticePdf) {
    }
}
