package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.application.DeliveryChanges.Change;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents.AttemptOutcome;
import cn.gov.eco.notice.delivery.infrastructure.EvidenceStore;
import cn.gov.eco.notice.delivery.model.DocumentKind;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.EServiceConsent;
import cn.gov.eco.notice.delivery.model.ElectronicTarget;
import cn.gov.eco.notice.delivery.model.FailureReason;
import cn.gov.eco.notice.delivery.model.IrregularService;
import cn.gov.eco.notice.delivery.model.PublicNotice;
import cn.gov.eco.notice.delivery.model.ServiceAct;
import cn.gov.eco.notice.delivery.model.ServiceMethod;
import cn.gov.eco.notice.delivery.model.ServiceProof;
import cn.gov.eco.notice.delivery.model.ServiceRules;
import cn.gov.eco.notice.delivery.model.SignerRole;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What people record about the service of the two documents: an officer starts an attempt, records the receipt of
 * a paper method, a failure, a public notice, or a service of one document apart from the other; the enterprise
 * confirms receipt. Every act concerns both documents; only the irregular report concerns one, and it never serves
 * the delivery (it flags it nonconforming).
 */
public class ServiceRecording {

    static final int MAX_TEXT = 500;

    private final DeliveryChanges changes;
    private final ConsentService consents;
    private final EvidenceStore evidence;
    private final AccessPolicy policy;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final Supplier<UUID> ids;
    /** Wakes the delivery scheduler for the delivery named (its case id). */
    private final Consumer<String> wakeScheduler;

    public ServiceRecording(DeliveryChanges changes, ConsentService consents, EvidenceStore evidence,
                            AccessPolicy policy, WorkingDayCalendar calendar, Clock clock, Supplier<UUID> ids,
                            Consumer<String> wakeScheduler) {
        this.changes = changes;
        this.consents = consents;
        this.evidence = evidence;
        this.policy = policy;
        this.calendar = calendar;
        this.clock = clock;
        this.ids = ids;
        this.wakeScheduler = wakeScheduler;
    }

    /** Start serving both documents by a method (electronic only on a valid consent). */
    public record StartAttempt(ServiceMethod method, String note) {
    }

    public record Failure(FailureReason reason, LocalDate failedOn, String note, List<String> evidenceIds) {
    }

    public record PublicNoticeCommand(LocalDate publishedOn, String medium, String reasons, Boolean domicileInChina,
                                      List<String> evidenceIds) {
    }

    /**
     * A service of one document, as the officer reports it.
     *
     * @param address for an electronic service (e.g. the e-mail address used), to check against the consent
     */
    public record IrregularReport(DocumentKind document, ServiceMethod method, LocalDate servedOn, String address,
                                  String note, List<String> evidenceIds) {
    }

    /** The enterprise's confirmation, in the capacity of its signer (《民事诉讼法》第八十八条). */
    public record Confirmation(SignerRole signerRole) {
    }

    /** The enterprise's answer: whether the confirmation served the documents under the running method. */
    public record ConfirmationResult(boolean countsAsService, String reasonZh, String reasonEn,
                                     DualDelivery delivery) {
    }

    public DualDelivery startAttempt(Actor actor, String caseId, StartAttempt cmd) {
        if (cmd == null || cmd.method() == null) {
            throw new InvalidInputException(new Violation("method", "REQUIRED", "请选择送达方式",
                    "the method of service is required"));
        }
        if (cmd.method() == ServiceMethod.PUBLIC_NOTICE || cmd.method() == ServiceMethod.LEFT_WITH_WITNESS) {
            throw new InvalidInputException(new Violation("method", "METHOD_NOT_STARTED",
                    "留置送达以送达回证录入，公告送达以公告登记办理，二者不单独开始",
                    "leaving the documents is recorded with its receipt, a public notice with the public-notice "
                            + "endpoint; neither is started on its own"));
        }
        text("note", cmd.note());
        Instant now = clock.instant();
        DualDelivery d = changes.apply(caseId, s -> {
            DualDelivery cur = s.delivery();
            ElectronicTarget target = null;
            if (cmd.method() == ServiceMethod.ELECTRONIC) {
                // 《民事诉讼法》第九十条: electronic service only with the addressee's consent on this channel.
                target = consents.usable(cur.uscc()).map(EServiceConsent::target).orElseThrow(() ->
                        new ProblemException(HttpStatus.CONFLICT, "NO_ESERVICE_CONSENT", "method",
                                "该企业没有有效的电子送达地址确认书，不能电子送达（《民事诉讼法》第九十条）",
                                "the enterprise has no valid e-service consent: no electronic service "
                                        + "(Civil Procedure Law Art. 90)"));
            }
            DualDelivery next = cur.startAttempt(cmd.method(), target, now, actor.userId());
            return new Change(next, List.of(DeliveryEvents.attempted(next, next.openAttempt().orElseThrow(),
                    AttemptOutcome.STARTED, now)));
        });
        if (cmd.method() == ServiceMethod.ELECTRONIC) {
            wakeScheduler.accept(caseId);
        }
        return d;
    }

    /** The 送达回证 (or 回执) of a paper method: serves both documents in one act on the receipt's date. */
    public DualDelivery recordReceipt(Actor actor, String caseId, ServiceProof proof) {
        if (proof == null) {
            throw new InvalidInputException(new Violation("body", "REQUIRED", "请填写送达回证", "the receipt is required"));
        }
        Instant now = clock.instant();
        DualDelivery current = changes.load(caseId).delivery();
        List<Violation> v = new ArrayList<>(ServiceRules.proofViolations(proof, decisionDate(current), today()));
        for (String[] f : new String[][]{{"signerName", proof.signerName()}, {"witnessName", proof.witnessName()},
                {"witnessOrganisation", proof.witnessOrganisation()}}) {
            text(v, f[0], f[1]);
        }
        text(v, "note", proof.note());
        evidenceOf(v, "evidenceIds", proof.evidenceIds(), current.uscc());
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return changes.apply(caseId, s -> {
            LocalDate on = proof.servedOn();
            DualDelivery next = s.delivery().served(new ServiceAct(ids.get().toString(), proof.method(),
                    on.atStartOfDay(ServiceRules.CHINA).toInstant(), on, false, null, proof, null, null, null, null,
                    now, actor.userId()));
            return new Change(next, List.of(DeliveryEvents.completed(next)));
        });
    }

    /** The running attempt failed: kept in the history, and the next lawful method is recommended. */
    public DualDelivery recordFailure(Actor actor, String caseId, Failure cmd) {
        DualDelivery current = changes.load(caseId).delivery();
        List<Violation> v = new ArrayList<>();
        if (cmd == null || cmd.reason() == null) {
            v.add(new Violation("reason", "REQUIRED", "请选择未能送达的原因", "the reason of the failure is required"));
        }
        if (cmd != null) {
            ServiceRules.dateBetween(v, "failedOn", cmd.failedOn(), decisionDate(current), today());
            text(v, "note", cmd.note());
            evidenceOf(v, "evidenceIds", cmd.evidenceIds(), current.uscc());
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Instant now = clock.instant();
        return changes.apply(caseId, s -> {
            var open = s.delivery().openAttempt().orElseThrow(() -> new IllegalStateException("no attempt is open"));
            DualDelivery next = s.delivery().failed(cmd.reason(), cmd.failedOn(), cmd.note(), cmd.evidenceIds(), now);
            var ended = next.attempts().get(open.number() - 1);
            return new Change(next, List.of(DeliveryEvents.attempted(next, ended, AttemptOutcome.FAILED, now)));
        });
    }

    /** 公告送达 (《民事诉讼法》第九十五条、第二百八十三条): deemed served when 30 (60) days have passed. */
    public DualDelivery publishPublicNotice(Actor actor, String caseId, PublicNoticeCommand cmd) {
        DualDelivery current = changes.load(caseId).delivery();
        List<Violation> v = new ArrayList<>();
        if (cmd == null) {
            throw new InvalidInputException(new Violation("body", "REQUIRED", "请填写公告信息", "the notice is required"));
        }
        ServiceRules.dateBetween(v, "publishedOn", cmd.publishedOn(), decisionDate(current), today());
        required(v, "medium", cmd.medium(), "公告载体（报纸、网站等）");
        // 第九十五条: the reasons and the process of the public notice are recorded in the file.
        required(v, "reasons", cmd.reasons(), "公告送达的原因和经过");
        evidenceOf(v, "evidenceIds", cmd.evidenceIds(), current.uscc());
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        boolean domicile = cmd.domicileInChina() == null || cmd.domicileInChina();
        Instant now = clock.instant();
        DualDelivery d = changes.apply(caseId, s -> {
            PublicNotice pn = new PublicNotice(cmd.publishedOn(), cmd.medium(), cmd.reasons(), domicile,
                    ServiceRules.publicNoticeDeemedServed(calendar, cmd.publishedOn(), domicile), cmd.evidenceIds());
            DualDelivery next = s.delivery().publicNoticePublished(pn, now, actor.userId());
            var events = new ArrayList<>(List.of(DeliveryEvents.attempted(next, next.openAttempt().orElseThrow(),
                    AttemptOutcome.PUBLISHED, now)));
            // published long enough ago: deemed served at once
            var deemed = next.deemedServedBy(today(), ids.get().toString(), now);
            if (deemed.isPresent()) {
                next = deemed.get();
                events.add(DeliveryEvents.completed(next));
            }
            return new Change(next, events);
        });
        wakeScheduler.accept(caseId);
        return d;
    }

    /**
     * A service of one document apart from the other (DOMAIN.md §9 scenario 6): accepted as a fact, the delivery
     * flagged nonconforming and the legal reviewer alerted; an electronic one without a consent for that address is
     * recorded as invalid (《民事诉讼法》第九十条).
     */
    public DualDelivery reportIrregular(Actor actor, String caseId, IrregularReport cmd) {
        DualDelivery current = changes.load(caseId).delivery();
        List<Violation> v = new ArrayList<>();
        if (cmd == null) {
            throw new InvalidInputException(new Violation("body", "REQUIRED", "请填写送达情况", "the report is required"));
        }
        if (cmd.document() == null) {
            v.add(new Violation("document", "REQUIRED", "请选择送达的文书", "which document was served is required"));
        }
        if (cmd.method() == null) {
            v.add(new Violation("method", "REQUIRED", "请选择送达方式", "the method of service is required"));
        }
        ServiceRules.dateBetween(v, "servedOn", cmd.servedOn(), decisionDate(current), today());
        text(v, "note", cmd.note());
        text(v, "address", cmd.address());
        evidenceOf(v, "evidenceIds", cmd.evidenceIds(), current.uscc());
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String invalid = null;
        if (cmd.method() == ServiceMethod.ELECTRONIC) {
            Optional<EServiceConsent> consent = consents.valid(current.uscc());
            if (consent.isEmpty() || (cmd.address() != null && !cmd.address().isBlank()
                    && !Objects.equals(consent.get().address(), cmd.address().trim()))) {
                invalid = "NO_ESERVICE_CONSENT";
            }
        }
        boolean valid = invalid == null;
        String reason = invalid;
        Instant now = clock.instant();
        return changes.apply(caseId, s -> {
            DualDelivery next = s.delivery().irregularServiceReported(new IrregularService(cmd.document(),
                    cmd.method(), cmd.servedOn(), valid, reason, actor.userId(), now, cmd.note(), cmd.evidenceIds()));
            return new Change(next, List.of(DeliveryEvents.nonconforming(next, now)));
        });
    }

    /**
     * The enterprise confirms it received both documents. It serves them only where the running method is one
     * the addressee completes by signing (direct service, signed on the officer's tablet: 《民事诉讼法》第八十七条);
     * under any other method (electronic: the channel's arrival; post: the 回执; public notice: the period) it is
     * kept as an acknowledgement only.
     */
    public ConfirmationResult confirmReceipt(Actor actor, String caseId, Confirmation cmd) {
        DualDelivery current = changes.load(caseId).delivery();
        policy.requireEnterprise(actor, "delivery " + caseId, current.uscc());
        Instant now = clock.instant();
        LocalDate today = today();
        boolean[] served = {false};
        DualDelivery d = changes.apply(caseId, s -> {
            DualDelivery cur = s.delivery();
            var open = cur.openAttempt();
            if (cur.status() != DualDelivery.Status.SERVED && open.isPresent()
                    && open.get().method() == ServiceMethod.DIRECT) {
                SignerRole role = cmd == null || cmd.signerRole() == null ? SignerRole.LEGAL_REPRESENTATIVE
                        : cmd.signerRole();
                ServiceProof proof = new ServiceProof(ServiceMethod.DIRECT, today, actor.name(), role,
                        List.of("e-signature:" + actor.userId() + ":" + now), null, null, null, null, null, null,
                        "受送达人在执法终端上签收");
                DualDelivery next = cur.served(new ServiceAct(ids.get().toString(), ServiceMethod.DIRECT, now, today,
                        false, null, proof, null, null, null, null, now, actor.userId())).receiptConfirmed(now);
                served[0] = true;
                return new Change(next, List.of(DeliveryEvents.completed(next)));
            }
            if (cur.receiptConfirmedAt() != null) {
                return Change.none();
            }
            return new Change(cur.receiptConfirmed(now), List.of());
        });
        if (served[0]) {
            return new ConfirmationResult(true, "已签收，两份文书同时送达", "signed: both documents served in one act", d);
        }
        String method = d.openAttempt().map(a -> a.method().nameZh())
                .orElse(d.serviceAct() == null ? "尚未选择送达方式" : d.serviceAct().method().nameZh());
        return new ConfirmationResult(false, "已记录确认收到；送达方式为" + method + "，送达日期依该方式的法定规则确定",
                "acknowledgement recorded; the service date follows the rules of the method in use", d);
    }

    private void evidenceOf(List<Violation> v, String field, List<String> evidenceIds, String uscc) {
        if (evidenceIds == null) {
            return;
        }
        if (evidenceIds.size() > 20) {
            v.add(new Violation(field, "TOO_MANY", "证据材料不能超过20份", "at most 20 evidence files"));
            return;
        }
        for (String id : evidenceIds) {
            var e = evidence.find(id);
            if (e.isEmpty() || !Objects.equals(e.get().uscc(), uscc)) {
                v.add(new Violation(field, "EVIDENCE_NOT_FOUND", "未找到该企业的证据材料 " + id,
                        "no evidence " + id + " uploaded for this enterprise"));
            }
        }
    }

    private static void required(List<Violation> v, String field, String value, String whatZh) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(field, "REQUIRED", "请填写" + whatZh, field + " is required"));
        } else {
            text(v, field, value);
        }
    }

    static void text(List<Violation> v, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            v.add(new Violation(field, "TOO_LONG", "不能超过" + MAX_TEXT + "个字符",
                    field + " is longer than " + MAX_TEXT + " characters"));
        }
    }

    private static void text(String field, String value) {
        List<Violation> v = new ArrayList<>();
        text(v, field, value);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static LocalDate decisionDate(DualDelivery d) {
        return d.decisionFacts() == null ? LocalDate.MIN : d.decisionFacts().decisionDate();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceRules.CHINA);
    }
}
