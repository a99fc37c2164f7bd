package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 两书同达: the penalty decision and the repair-rights notice, served together in one act (国办发〔2025〕22号:
 * 送达行政处罚决定书时同步送达信用修复告知书). The model holds both documents or none, attempts and acts of service
 * that always concern the pair, and at most one act of service, so a service of one document without the other
 * cannot be represented as the delivery. A service of one document reported by an officer is kept only as an
 * {@link IrregularService} fact that flags the delivery nonconforming; it never serves it.
 *
 * <pre>
 * PREPARED ─startAttempt→ IN_SERVICE ─receipt / arrival→ SERVED
 *                         IN_SERVICE ─failure→ PREPARED (recommendedMethod = the next lawful method)
 * PREPARED ─publishPublicNotice (after a failure)→ PUBLIC_NOTICE_PUBLISHED ─30/60 days→ SERVED (deemed)
 * any open state ─(serveBy passed)→ overdue flag; ─(one document reported served)→ nonconforming flag
 * </pre>
 *
 * @param serveBy the last day to serve the decision when the party is absent: 7 working days
 *                (《行政处罚法》第六十一条、第八十五条)
 */
public record DualDelivery(String deliveryId, String caseId, String uscc, String enterpriseName,
                           ServedDocument decision, ServedDocument notice, ExplainedDate serveBy, Status status,
                           ServiceAct serviceAct, DecisionFacts decisionFacts, Instant preparedAt,
                           List<ServiceAttempt> attempts, ServiceMethod recommendedMethod,
                           List<IrregularService> irregularServices, Instant overdueSince,
                           Instant receiptConfirmedAt) {

    public DualDelivery {
        Objects.requireNonNull(decision, "the penalty decision");
        Objects.requireNonNull(notice, "the repair-rights notice: 两书同达 serves both or neither");
        if (decision.kind() != DocumentKind.PENALTY_DECISION || notice.kind() != DocumentKind.REPAIR_RIGHTS_NOTICE) {
            throw new IllegalArgumentException("a dual delivery is one penalty decision and one repair-rights notice");
        }
        if ((status == Status.SERVED) != (serviceAct != null)) {
            throw new IllegalArgumentException("a served delivery has exactly one act of service, others none");
        }
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        irregularServices = irregularServices == null ? List.of() : List.copyOf(irregularServices);
        if (attempts.stream().filter(ServiceAttempt::inProgress).count() > 1) {
            throw new IllegalArgumentException("at most one attempt of service is open at a time");
        }
        if (status == Status.IN_SERVICE && attempts.stream().noneMatch(ServiceAttempt::inProgress)) {
            throw new IllegalArgumentException("a delivery in service has an open attempt");
        }
    }

    public enum Status {
        /** Both documents made and numbered; waiting for an officer to choose a method. */
        PREPARED,
        /** An attempt by one method is under way (electronic: sent, waiting for the arrival receipt). */
        IN_SERVICE,
        /** 公告送达: published, waiting for the deemed-served date. */
        PUBLIC_NOTICE_PUBLISHED,
        /** Both documents served (or deemed served) in one act. */
        SERVED
    }

    public static DualDelivery prepared(String caseId, String uscc, String enterpriseName, ServedDocument decision,
                                        ServedDocument notice, ExplainedDate serveBy) {
        return prepared(caseId, uscc, enterpriseName, decision, notice, serveBy, null, null);
    }

    public static DualDelivery prepared(String caseId, String uscc, String enterpriseName, ServedDocument decision,
                                        ServedDocument notice, ExplainedDate serveBy, DecisionFacts facts,
                                        Instant at) {
        return new DualDelivery(caseId, caseId, uscc, enterpriseName, decision, notice, serveBy, Status.PREPARED, null,
                facts, at, List.of(), null, List.of(), null, null);
    }

    public List<ServedDocument> documents() {
        return List.of(decision, notice);
    }

    /** Conforming: both documents on this one act, hence on one date. */
    public boolean conforming() {
        return status == Status.SERVED;
    }

    /** Flagged for the legal reviewer: one document reported served apart from the other, not yet cured. */
    public boolean nonconforming() {
        return status != Status.SERVED && !irregularServices.isEmpty();
    }

    public boolean overdue() {
        return overdueSince != null && status != Status.SERVED;
    }

    public Optional<ServiceAttempt> openAttempt() {
        return attempts.stream().filter(ServiceAttempt::inProgress).findFirst();
    }

    /** Serves both documents in one act. */
    public DualDelivery served(ServiceAct act) {
        requireNotServed();
        List<ServiceAttempt> list = new ArrayList<>(attempts);
        var open = openAttempt();
        if (open.isPresent() && open.get().method() == act.method()) {
            list.set(list.indexOf(open.get()), open.get().ended(ServiceAttempt.Outcome.SERVED, act.recordedAt()));
        } else {
            open.ifPresent(o -> list.set(list.indexOf(o), o.ended(ServiceAttempt.Outcome.SUPERSEDED, act.recordedAt())));
            list.add(ServiceAttempt.open(list.size() + 1, act.method(), act.recordedAt(), act.recordedBy(), null)
                    .ended(ServiceAttempt.Outcome.SERVED, act.recordedAt()));
        }
        return with(Status.SERVED, act, list, null);
    }

    /** An officer (or, for electronic service, the system on a consent) starts serving both by one method. */
    public DualDelivery startAttempt(ServiceMethod method, ElectronicTarget target, Instant at, String by) {
        requireNotServed();
        if (status == Status.PUBLIC_NOTICE_PUBLISHED) {
            throw new IllegalStateException("公告期间不另行送达 / a public notice is running");
        }
        if (openAttempt().isPresent()) {
            throw new IllegalStateException("an attempt by " + openAttempt().get().method() + " is still open; "
                    + "record its receipt or its failure first");
        }
        if (method == ServiceMethod.PUBLIC_NOTICE || method == ServiceMethod.LEFT_WITH_WITNESS) {
            throw new IllegalArgumentException(method + " is recorded, not started");
        }
        if ((method == ServiceMethod.ELECTRONIC) != (target != null)) {
            throw new IllegalArgumentException("an electronic attempt needs the consented channel and address");
        }
        List<ServiceAttempt> list = new ArrayList<>(attempts);
        list.add(ServiceAttempt.open(list.size() + 1, method, at, by, target));
        return with(Status.IN_SERVICE, null, list, null);
    }

    /** The open attempt failed; the next lawful method is recommended (attempt history kept). */
    public DualDelivery failed(FailureReason reason, LocalDate on, String note, List<String> evidence, Instant at) {
        requireNotServed();
        ServiceAttempt open = openAttempt().orElseThrow(() -> new IllegalStateException("no attempt is open"));
        List<ServiceAttempt> list = new ArrayList<>(attempts);
        list.set(list.indexOf(open), open.failed(reason, on, note, evidence, at));
        return with(Status.PREPARED, null, list, ServiceRules.nextMethod(open.method(), reason));
    }

    /**
     * 公告送达 only when the addressee cannot be located or other methods failed (《民事诉讼法》第九十五条): at least
     * one failed attempt must be on file.
     */
    public DualDelivery publicNoticePublished(PublicNotice notice, Instant at, String by) {
        requireNotServed();
        if (attempts.stream().noneMatch(a -> a.outcome() == ServiceAttempt.Outcome.FAILED)) {
            throw new IllegalStateException("公告送达须在其他方式无法送达后适用 / public notice only after another method failed");
        }
        List<ServiceAttempt> list = new ArrayList<>(attempts);
        openAttempt().ifPresent(o -> list.set(list.indexOf(o), o.ended(ServiceAttempt.Outcome.SUPERSEDED, at)));
        list.add(ServiceAttempt.open(list.size() + 1, ServiceMethod.PUBLIC_NOTICE, at, by, null)
                .withPublicNotice(notice));
        return with(Status.PUBLIC_NOTICE_PUBLISHED, null, list, null);
    }

    /** The running public notice, if any. */
    public Optional<PublicNotice> publicNotice() {
        return status == Status.PUBLIC_NOTICE_PUBLISHED ? openAttempt().map(ServiceAttempt::publicNotice)
                : Optional.empty();
    }

    /** The public notice's period has passed on {@code today}: both documents are deemed served. */
    public Optional<DualDelivery> deemedServedBy(LocalDate today, String actId, Instant at) {
        var pn = publicNotice();
        if (pn.isEmpty() || today.isBefore(pn.get().deemedServedOn().date())) {
            return Optional.empty();
        }
        LocalDate on = pn.get().deemedServedOn().date();
        return Optional.of(served(new ServiceAct(actId, ServiceMethod.PUBLIC_NOTICE,
                on.atStartOfDay(ServiceRules.CHINA).toInstant(), on, true, null, null, null, null, null, pn.get(), at,
                "system")));
    }

    /**
     * The channel took the electronic message; without an arrival receipt by {@code arrivalDueBy} the attempt counts
     * as failed.
     */
    public DualDelivery electronicSubmitted(String platformMessageId, Instant acceptedAt, Instant arrivalDueBy) {
        ServiceAttempt open = electronicAttempt();
        List<ServiceAttempt> list = new ArrayList<>(attempts);
        list.set(list.indexOf(open), open.submitted(platformMessageId, acceptedAt, arrivalDueBy));
        return with(status, null, list, recommendedMethod);
    }

    /** The channel could not take it now; the attempt stays open and is sent again at {@code nextAt}. */
    public DualDelivery electronicSendDeferred(String error, Instant nextAt) {
        ServiceAttempt open = electronicAttempt();
        List<ServiceAttempt> list = new ArrayList<>(attempts);
        list.set(list.indexOf(open), open.sendDeferred(error, nextAt));
        return with(status, null, list, recommendedMethod);
    }

    /**
     * The channel's arrival receipt (《民事诉讼法》第九十条第二款: effective when it reaches the addressee's
     * designated system). Accepted while the attempt is open even before the submission is recorded, since a crash
     * may fall between the channel taking the message and this service recording it.
     */
    public DualDelivery electronicArrived(String platformMessageId, Instant arrivedAt, String actId, Instant at) {
        ServiceAttempt open = electronicAttempt();
        if (open.platformMessageId() != null && !open.platformMessageId().equals(platformMessageId)) {
            throw new IllegalArgumentException("arrival of message " + platformMessageId + ", but the channel took "
                    + open.platformMessageId());
        }
        ElectronicTarget t = open.electronic();
        return served(new ServiceAct(actId, ServiceMethod.ELECTRONIC, arrivedAt,
                LocalDate.ofInstant(arrivedAt, ServiceRules.CHINA), false, t.channel(), null, platformMessageId,
                t.consentId(), t.address(), null, at, "channel:" + t.channel()));
    }

    /** True when this delivery was served electronically by the given message (a repeated arrival receipt). */
    public boolean servedByMessage(String platformMessageId) {
        return status == Status.SERVED && serviceAct.method() == ServiceMethod.ELECTRONIC
                && Objects.equals(serviceAct.platformMessageId(), platformMessageId);
    }

    /** One document reported served apart from the other: a fact for the file, and the nonconforming flag. */
    public DualDelivery irregularServiceReported(IrregularService report) {
        requireNotServed();
        List<IrregularService> list = new ArrayList<>(irregularServices);
        list.add(report);
        return new DualDelivery(deliveryId, caseId, uscc, enterpriseName, decision, notice, serveBy, status,
                serviceAct, decisionFacts, preparedAt, attempts, recommendedMethod, list, overdueSince,
                receiptConfirmedAt);
    }

    /**
     * The day after the last day to serve (T2), at the start of the day in China; none for a decision handed over on
     * the spot (T1), a served delivery, or one already flagged.
     */
    public Optional<Instant> overdueFrom() {
        if (status == Status.SERVED || overdueSince != null || serveBy == null
                || (decisionFacts != null && decisionFacts.onTheSpot())) {
            return Optional.empty();
        }
        return Optional.of(serveBy.date().plusDays(1).atStartOfDay(ServiceRules.CHINA).toInstant());
    }

    /**
     * The serve-by date recomputed when the official calendar year it rested on was loaded (DOMAIN §0.2); an
     * overdue flag raised on the provisional date stays (it was raised, and is on the record).
     */
    public DualDelivery withServeBy(ExplainedDate revised) {
        return new DualDelivery(deliveryId, caseId, uscc, enterpriseName, decision, notice, revised, status,
                serviceAct, decisionFacts, preparedAt, attempts, recommendedMethod, irregularServices, overdueSince,
                receiptConfirmedAt);
    }

    public DualDelivery markedOverdue(Instant at) {
        if (overdueFrom().isEmpty() || at.isBefore(overdueFrom().get())) {
            throw new IllegalStateException("delivery " + deliveryId + " is not overdue at " + at);
        }
        return new DualDelivery(deliveryId, caseId, uscc, enterpriseName, decision, notice, serveBy, status,
                serviceAct, decisionFacts, preparedAt, attempts, recommendedMethod, irregularServices, at,
                receiptConfirmedAt);
    }

    /** The enterprise confirmed it has the documents (an acknowledgement, not by itself a service). */
    public DualDelivery receiptConfirmed(Instant at) {
        return new DualDelivery(deliveryId, caseId, uscc, enterpriseName, decision, notice, serveBy, status,
                serviceAct, decisionFacts, preparedAt, attempts, recommendedMethod, irregularServices, overdueSince,
                receiptConfirmedAt == null ? at : receiptConfirmedAt);
    }

    /**
     * The next instant this delivery has work for the scheduler: an electronic send, an arrival receipt that is late,
     * the overdue check, or the end of a public notice's period. Empty when nothing is pending.
     */
    public Optional<Instant> nextDueAt() {
        List<Instant> due = new ArrayList<>();
        openAttempt().filter(ServiceAttempt::awaitingSend).map(ServiceAttempt::nextSendAt).ifPresent(due::add);
        openAttempt().filter(a -> a.method() == ServiceMethod.ELECTRONIC && a.platformMessageId() != null)
                .map(ServiceAttempt::arrivalDueBy).ifPresent(due::add);
        overdueFrom().ifPresent(due::add);
        publicNotice().map(p -> p.deemedServedOn().date().atStartOfDay(ServiceRules.CHINA).toInstant())
                .ifPresent(due::add);
        return due.stream().min(Instant::compareTo);
    }

    private ServiceAttempt electronicAttempt() {
        return openAttempt().filter(a -> a.method() == ServiceMethod.ELECTRONIC)
                .orElseThrow(() -> new IllegalStateException("delivery " + deliveryId
                        + " has no electronic attempt under way"));
    }

    private void requireNotServed() {
        if (status == Status.SERVED) {
            throw new IllegalStateException("delivery " + deliveryId + " is already served");
        }
    }

    private DualDelivery with(Status s, ServiceAct act, List<ServiceAttempt> list, ServiceMethod recommended) {
        return new DualDelivery(deliveryId, caseId, uscc, enterpriseName, decision, notice, serveBy, s, act,
                decisionFacts, preparedAt, list, recommended, irregularServices, overdueSince, receiptConfirmedAt);
    }
}
