package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents.AttemptOutcome;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository.NewEvent;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.model.DecisionFacts;
import cn.gov.eco.notice.delivery.model.DocumentKind;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.EServiceConsent;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.notice.delivery.model.ServiceMethod;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * On a penalty decision: render both documents, store them, and prepare their service in one act (两书同达). When
 * the enterprise has a valid e-service consent (送达地址确认书) on a channel this agency serves through, the
 * electronic service of both starts at once (the scheduler sends it; the channel's arrival completes it); otherwise
 * the delivery waits for an officer to choose and record a method.
 * <p>
 * Idempotent and crash-safe: the delivery's id is the case id, so a redelivered or replayed {@code PenaltyDecided}
 * finds it and does nothing; the documents are stored once under ids derived from the case, so a retry after a crash
 * reuses them; and the delivery — both documents, the first attempt and its events — is one single-document insert,
 * so no state exists in which one document is recorded or announced without the other (RELIABILITY.md R6).
 */
public class DualDeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DualDeliveryService.class);

    private final DeliveryRepository deliveries;
    private final DocumentStore documents;
    private final DocumentRendering renderer;
    private final PublicityClassifier classifier;
    private final WorkingDayCalendar calendar;
    private final ConsentService consents;
    private final Clock clock;
    private final Consumer<String> wakeScheduler;

    public DualDeliveryService(DeliveryRepository deliveries, DocumentStore documents, DocumentRendering renderer,
                               PublicityClassifier classifier, WorkingDayCalendar calendar, ConsentService consents,
                               Clock clock, Consumer<String> wakeScheduler) {
        this.deliveries = deliveries;
        this.documents = documents;
        this.renderer = renderer;
        this.classifier = classifier;
        this.calendar = calendar;
        this.consents = consents;
        this.clock = clock;
        this.wakeScheduler = wakeScheduler;
    }

    /**
     * The publicity plan classified at the decision and carried in {@code PenaltyDecided}: the notice prints it and
     * {@code DualDeliveryCompleted} carries it on to credit-service. Only an event from before the plan was carried
     * is classified here, by the same one classification.
     */
    private ClassifiedPlan planOf(PenaltyDecidedMessage m) {
        if (m.publicityPlan() != null) {
            return m.publicityPlan();
        }
        log.warn("PenaltyDecided of case {} carries no publicity plan (an event from before the plan was carried): "
                + "classified here", m.caseId());
        return classifier.classify(SeverityTier.valueOf(m.severityTier()),
                m.penalties().stream().map(PenaltyDecidedMessage.Penalty::type).toList(), m.decisionDate(), null);
    }

    /** @return false when the delivery already existed (redelivery or replay) */
    public boolean onPenaltyDecided(PenaltyDecidedMessage m) {
        if (deliveries.exists(m.caseId())) {
            return false;
        }
        ClassifiedPlan plan = planOf(m);
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
        // 《行政处罚法》第六十一条、第八十五条: served within 7 working days when the party is absent.
        ExplainedDate serveBy = ExplainedDate.of(calendar.compute(StatutoryDateRules.T2_SERVE_DECISION,
                "作出行政处罚决定", "the penalty decision was made", m.decisionDate()));
        DecisionFacts facts = new DecisionFacts(m.documentNumber(), m.decisionDate(), m.severityTier(),
                m.penalties().stream().map(PenaltyDecidedMessage.Penalty::type).toList(),
                m.totalFine().setScale(2).toPlainString(), plan.plan().ruleSetId(), Boolean.TRUE.equals(m.onTheSpot()),
                plan);
        Instant now = clock.instant();
        DualDelivery delivery = DualDelivery.prepared(m.caseId(), m.enterprise().uscc(), m.enterprise().name(),
                decision, notice, serveBy, facts, now);
        List<NewEvent> events = new ArrayList<>(List.of(DeliveryEvents.prepared(delivery, now)));
        Optional<EServiceConsent> consent = consents.usable(delivery.uscc());
        if (consent.isPresent()) {
            // 《民事诉讼法》第九十条: the enterprise consented to electronic service on this channel and address.
            delivery = delivery.startAttempt(ServiceMethod.ELECTRONIC, consent.get().target(), now, "system");
            events.add(DeliveryEvents.attempted(delivery, delivery.openAttempt().orElseThrow(),
                    AttemptOutcome.STARTED, now));
        }
        boolean inserted = deliveries.insert(delivery, events);
        if (inserted) {
            wakeScheduler.accept(delivery.deliveryId()); // an electronic send, or a decision already past its T2 date
        }
        return inserted;
    }
}
