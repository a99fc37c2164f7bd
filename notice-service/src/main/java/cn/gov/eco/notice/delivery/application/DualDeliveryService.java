package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.model.DocumentKind;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.notice.delivery.model.ServiceAct;
import cn.gov.eco.notice.delivery.model.ServiceMethod;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.PublicityPlan;
import cn.gov.eco.platform.publicity.SeverityTier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * On a penalty decision: render both documents, store them, and serve them in one act (两书同达).
 * <p>
 * Idempotent and crash-safe: the delivery's id is the case id, so a redelivered or replayed {@code PenaltyDecided}
 * finds it and does nothing; the documents are stored once under ids derived from the case, so a retry after a crash
 * reuses them; and the delivery — both documents, the act of service and its two events — is one single-document
 * insert, so no state exists in which one document is recorded or announced as served without the other
 * (RELIABILITY.md R6).
 */
public class DualDeliveryService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DeliveryRepository deliveries;
    private final DocumentStore documents;
    private final DocumentRendering renderer;
    private final PublicityPeriods periods;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final String electronicChannel;

    public DualDeliveryService(DeliveryRepository deliveries, DocumentStore documents, DocumentRendering renderer,
                               PublicityPeriods periods, WorkingDayCalendar calendar, Clock clock, Supplier<UUID> ids,
                               String electronicChannel) {
        this.deliveries = deliveries;
        this.documents = documents;
        this.renderer = renderer;
        this.periods = periods;
        this.calendar = calendar;
        this.clock = clock;
        this.ids = ids;
        this.electronicChannel = electronicChannel;
    }

    /** @return false when the delivery already existed (redelivery or replay) */
    public boolean onPenaltyDecided(PenaltyDecidedMessage m) {
        if (deliveries.exists(m.caseId())) {
            return false;
        }
        PublicityPlan plan = periods.plan(SeverityTier.valueOf(m.severityTier()), m.decisionDate());
        String noticeNumber = RepairNoticeNumbers.linkedTo(m.documentNumber());
        ServedDocument decision = documents.find(m.caseId(), DocumentKind.PENALTY_DECISION).orElse(null);
        ServedDocument notice = documents.find(m.caseId(), DocumentKind.REPAIR_RIGHTS_NOTICE).orElse(null);
        if (decision == null || notice == null) {
            var pair = renderer.render(m, plan, noticeNumber);
            decision = documents.storeOnce(m.caseId(), DocumentKind.PENALTY_DECISION, m.documentNumber(),
                    pair.decisionPdf());
            notice = documents.storeOnce(m.caseId(), DocumentKind.REPAIR_RIGHTS_NOTICE, noticeNumber,
                    pair.noticePdf());
        }
        // 《行政处罚法》第六十一条: served within 7 working days when the party is absent.
        ExplainedDate serveBy = ExplainedDate.of(calendar.compute(StatutoryDateRules.T2_SERVE_DECISION,
                "作出行政处罚决定", "the penalty decision was made", m.decisionDate()));
        DualDelivery delivery = DualDelivery.prepared(m.caseId(), m.enterprise().uscc(), m.enterprise().name(),
                decision, notice, serveBy);
        // Electronic service of both documents in one act. Until the e-delivery channel adapter exists (issue 5),
        // the arrival time is the instant this service hands the pair to its built-in channel.
        Instant now = clock.instant();
        delivery = delivery.served(new ServiceAct(ids.get().toString(), ServiceMethod.ELECTRONIC, now,
                LocalDate.ofInstant(now, CHINA), false, electronicChannel));
        return deliveries.insertServed(delivery, m, plan);
    }
}
