package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.NoticeProperties;
import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.delivery.application.ReceiptRendering;
import cn.gov.eco.notice.delivery.application.ServiceReceipt;
import cn.gov.eco.notice.delivery.model.ServiceRules;
import cn.gov.eco.notice.document.ServiceReceiptDocument;
import cn.gov.eco.notice.document.ChineseFormats;
import cn.gov.eco.notice.document.DocumentRenderer;
import cn.gov.eco.notice.document.PenaltyDecisionDocument;
import cn.gov.eco.notice.document.RepairRightsNoticeDocument;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.publicity.ClassifiedPlan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Fills the two documents from the decision and its publicity plan, and renders them with the PDFBox renderer.
 * The tier, the dates and the non-repairable designation printed in the notice are those of the plan classified
 * once at the decision and carried in PenaltyDecided — the plan credit-service opens the record with — and the
 * earliest application date carries its one-line reason.
 */
public class PdfDocumentRendering implements DocumentRendering, ReceiptRendering {

    private final DocumentRenderer renderer;
    private final NoticeProperties.Agency agency;

    public PdfDocumentRendering(DocumentRenderer renderer, NoticeProperties.Agency agency) {
        this.renderer = renderer;
        this.agency = agency;
    }

    @Override
    public RenderedPair render(PenaltyDecidedMessage m, ClassifiedPlan carried, String noticeNumber) {
        var plan = carried.plan();
        var classification = carried.classification();
        var e = m.enterprise();
        var decision = new PenaltyDecisionDocument(m.documentNumber(), m.caseNumber(),
                new PenaltyDecisionDocument.Party(e.name(), e.uscc(), e.address(), e.legalRepresentative()),
                m.facts(), m.evidence(), m.violatedProvision(), m.penaltyBasisProvision(),
                m.penalties().stream().map(p -> new PenaltyDecisionDocument.Penalty(p.typeZh(), p.amount(),
                        p.description())).toList(),
                // 《行政处罚法》第六十七条: paid within 15 days of receipt at a designated bank or electronically.
                new PenaltyDecisionDocument.Performance(
                        "持本决定书到指定银行缴纳或通过电子支付系统缴纳罚款，罚款直接上缴国库", "自收到本决定书之日起十五日内", null),
                PenaltyDecisionDocument.Remedies.statutory(agency.reconsiderationBody(), agency.court()),
                m.discretionStatement(), m.statementsAndHearing(),
                "根据《中华人民共和国行政处罚法》第四十八条，本决定将依法公开，并作为信用信息归集公示。",
                m.issuingAgency(), m.decisionDate(), m.rectificationOrder());
        LocalDate start = plan.publicityStart();
        boolean published = plan.published();
        var notice = new RepairRightsNoticeDocument(noticeNumber, m.documentNumber(), e.name(), e.uscc(),
                plan.tier().nameZh(),
                published ? "依据" + plan.ruleSetNameZh() + "，本行政处罚信息认定为" + plan.tier().nameZh() + "失信信息"
                        : "依据" + plan.ruleSetNameZh() + "，轻微失信信息原则上不予公示",
                List.of(), // the renderer's agency profile: the province's platforms (notice.documents)
                start, date(plan.minPeriodEnd()),
                plan.maxPeriodEnd() == null ? start : plan.maxPeriodEnd().date(),
                plan.earliestApplicationDate() == null ? start : plan.earliestApplicationDate().date(),
                plan.earliestApplicationDate() == null ? "不予公示的轻微失信信息，履行法定义务后即可申请信用修复。"
                        : plan.earliestApplicationDate().explanationZh(), // as the derivation gives it
                List.of("最短公示期已届满（轻微失信信息除外）",
                        "已全面履行行政处罚决定规定的义务（含罚款及加处罚款）",
                        "违法行为已整改完毕并经核查确认",
                        "已作出并公开信用承诺",
                        "符合法律、法规和国家有关规定的其他条件"),
                List.of("信用修复申请书", "信用承诺书", "履行行政处罚决定义务的证明材料（本机关可自行核查的无需提供）",
                        "整改完成的证明材料"),
                agency.applicationChannel(), agency.processingTimeLimits(), agency.creditEffect(),
                classification.nonRepairable(), nonRepairableReason(classification), null, agency.contact(),
                m.issuingAgency(), m.decisionDate());
        return new RenderedPair(renderer.renderDecision(decision), renderer.renderNotice(notice));
    }

    @Override
    public byte[] renderReceipt(ServiceReceipt r) {
        String receivedBy = r.signerName() == null ? null
                : r.signerName() + (r.signerRoleZh() == null ? "" : "（" + r.signerRoleZh() + "）");
        String forwarding = join("，", r.entrustedOrgan() == null ? null : "受托机关：" + r.entrustedOrgan(),
                r.forwardingInstitution() == null ? null : "转交机关：" + r.forwardingInstitution(),
                r.trackingNumber() == null ? null : "邮件号码：" + r.trackingNumber());
        String electronic = join("，", r.channel() == null ? null : "送达平台：" + r.channel(),
                r.address() == null ? null : "送达地址：" + r.address(),
                r.consentId() == null ? null : "电子送达同意书：" + r.consentId(),
                r.platformMessageId() == null ? null : "平台回执编号：" + r.platformMessageId());
        String publicNotice = join("，", r.publicNoticeMedium() == null ? null : "公告媒介：" + r.publicNoticeMedium(),
                r.publicNoticePublishedOn() == null ? null
                        : "公告日期：" + ChineseFormats.date(LocalDate.parse(r.publicNoticePublishedOn())));
        var document = new ServiceReceiptDocument(null, r.recipientName(), r.recipientUscc(),
                r.documents().stream().map(d -> "《" + d.nameZh() + "》" + d.documentNumber()).toList(),
                r.methodZh() + (r.deemed() ? "（视为送达）" : ""),
                r.servedAt() == null ? null : LocalDateTime.ofInstant(r.servedAt(), ServiceRules.CHINA),
                LocalDate.parse(r.servedDate()), receivedBy, r.refusalReason(), r.witness(), forwarding, electronic,
                publicNotice, r.deemedExplanationZh(),
                r.evidenceIds(), r.recordedBy(),
                r.recordedAt() == null ? null : LocalDateTime.ofInstant(r.recordedAt(), ServiceRules.CHINA), agency.name());
        return renderer.renderReceipt(document);
    }

    private static String join(String separator, String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    /** 特定严重失信: the reason and its legal basis, as designated on the decision or by the configured rule. */
    private static String nonRepairableReason(cn.gov.eco.platform.publicity.Classification c) {
        if (!c.nonRepairable()) {
            return null;
        }
        String reason = c.nonRepairableReasonZh() == null ? "属特定严重失信信息" : c.nonRepairableReasonZh();
        return c.nonRepairableLegalBasis() == null ? reason : reason + "（依据：" + c.nonRepairableLegalBasis() + "）";
    }

    private static LocalDate date(ExplainedDate d) {
        return d == null ? null : d.date();
    }
}
