package cn.gov.eco.enforcement.execution.application;

import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.ApproveDeferral;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.ApproveInstalments;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.CompleteCourtEnforcement;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.RecordPayment;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.RecordReminder;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.RecordRemedyOutcome;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.RequestCourtEnforcement;
import cn.gov.eco.enforcement.execution.application.ExecutionRequests.VerifyRectification;
import cn.gov.eco.enforcement.execution.infrastructure.ExecutionRepository;
import cn.gov.eco.enforcement.execution.infrastructure.ExecutionRepository.Loaded;
import cn.gov.eco.enforcement.execution.model.Execution;
import cn.gov.eco.enforcement.execution.model.ExecutionEvent;
import cn.gov.eco.enforcement.execution.model.ExecutionState;
import cn.gov.eco.enforcement.execution.model.ExecutionTerms;
import cn.gov.eco.enforcement.execution.model.Payment;
import cn.gov.eco.enforcement.execution.model.PaymentAccount;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Execution of a served penalty decision (行政处罚法 第六十六条至第七十三条; 行政强制法 第四十五条、第五十三条、第五十四条):
 * the payment clock from the served date, payments and the surcharge, deferral and instalments, rectification,
 * closure, the reminder and court enforcement, and revocation or amendment after a remedy. Every request is checked
 * whole before anything is written; every write is one versioned single-document update.
 */
public class ExecutionService {

    private static final Logger log = LoggerFactory.getLogger(ExecutionService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99"); // decimal(18,2), DOMAIN.md §8.5.2
    /** Who writes the changes that no person makes: service of the decision, the daily overdue check. */
    static final ActorRef SYSTEM = new ActorRef("case-service", "系统 (system)", null);

    private final ExecutionRepository repository;
    private final ExecutionTerms terms;
    private final AccessPolicy policy;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final boolean rectificationRequired;

    /**
     * @param rectificationRequired whether closure waits for a verified rectification: 行政处罚法 第二十八条第一款
     *                              orders every penalty to come with 责令改正, so the default is true
     */
    public ExecutionService(ExecutionRepository repository, ExecutionTerms terms, AccessPolicy policy, Clock clock,
                            Supplier<UUID> ids, boolean rectificationRequired) {
        this.repository = repository;
        this.terms = terms;
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
        this.rectificationRequired = rectificationRequired;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    // ---------------------------------------------------------------- service of the decision starts the clock

    /**
     * 两书同达 completed: the case moves from DECIDED to EXECUTING with its T10 due date. Idempotent: a redelivered
     * or replayed event finds the execution already started and changes nothing.
     *
     * @return true when this event started the execution
     */
    public boolean onServed(DualDeliveryCompletedMessage m, String eventId) {
        var loaded = repository.load(m.caseId()).orElse(null);
        if (loaded == null) {
            log.info("DualDeliveryCompleted {} for case {}: no decision recorded here, ignored", eventId, m.caseId());
            return false;
        }
        if (loaded.execution() != null) {
            return false; // redelivery or replay
        }
        if (ExecutionState.of(loaded.state()) != ExecutionState.DECIDED) {
            log.warn("DualDeliveryCompleted {} for case {} in state {}: not a decided case, ignored", eventId,
                    m.caseId(), loaded.state());
            return false;
        }
        var d = loaded.decision();
        var act = m.serviceAct();
        var execution = new Execution(d.caseId(), d.decisionId(), d.documentNumber(), d.enterprise().uscc(),
                d.totalFine(), new Execution.Service(act.servedDate(), act.servedAt(), act.method(), act.deemed(),
                m.deliveryId(), act.actId(), eventId), null, null, List.of(), null, null, null, null, null);
        // never refused: a year without a loaded holiday table is computed provisionally and flagged (DOMAIN §0.2)
        ExplainedDate due = terms.paymentDue(act.servedDate());
        // a decision without a fine owes no money: its only obligation left is the rectification
        ExecutionState to = d.totalFine().signum() == 0 ? ExecutionState.PERFORMED : ExecutionState.EXECUTING;
        var details = new LinkedHashMap<String, String>();
        details.put("servedDate", act.servedDate().toString());
        details.put("serviceMethod", String.valueOf(act.method()));
        details.put("deemed", Boolean.toString(act.deemed()));
        details.put("deliveryId", String.valueOf(m.deliveryId()));
        details.put("eventId", eventId);
        details.put("fine", d.totalFine().toPlainString());
        details.put("dueDate", due == null ? "" : due.date().toString());
        var change = new ExecutionChange(execution, to, List.of(new ExecutionChange.Step("EXECUTION_STARTED",
                loaded.state(), to.name(), due == null ? null : due.explanationZh(), List.of(d.documentNumber()),
                details)), List.of());
        try {
            repository.apply(loaded, change, SYSTEM, clock.instant(), true);
            return true;
        } catch (ExecutionRepository.ConcurrentChangeException e) {
            if (repository.load(m.caseId()).map(l -> l.execution() != null).orElse(false)) {
                return false; // another delivery of the same event won
            }
            throw e; // changed by another feature in between: the blocking retry reads it again
        }
    }

    // ---------------------------------------------------------------- payments

    /** 缴款登记: what was paid, computed with the surcharge to the payment date; returns the execution view. */
    public ExecutionView recordPayment(Actor actor, String caseId, RecordPayment r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "paidDate", r.paidDate(), today, "缴款日期", "the payment date");
        money(v, "amount", r.amount(), "缴款金额", "the amount paid");
        text(v, "channel", r.channel(), 100, false, "缴款渠道", "the payment channel");
        text(v, "reference", r.reference(), 200, false, "缴款凭证号", "the payment reference");
        text(v, "paymentId", r.paymentId(), 100, false, "缴款流水号", "the payment id");
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        ExecutionState from = ExecutionState.of(loaded.state());
        if (r.paymentId() != null) {
            var same = e.payments().stream().filter(p -> p.paymentId().equals(r.paymentId().trim())).findFirst();
            if (same.isPresent()) {
                if (same.get().paidDate().equals(r.paidDate()) && same.get().amount().compareTo(r.amount()) == 0) {
                    return view(loaded); // the channel reported the same payment again: nothing changes
                }
                throw ProblemException.conflict("PAYMENT_ID_TAKEN", "paymentId", "缴款流水号 " + r.paymentId()
                        + " 已登记为另一笔缴款", "Payment id " + r.paymentId() + " is already recorded for another payment");
            }
        }
        LocalDate served = e.service().servedDate();
        if (r.paidDate().isBefore(served)) {
            // DOMAIN.md §8.5.4: payment date ≥ service date
            v.add(new Violation("paidDate", "PAYMENT_BEFORE_SERVICE", "缴款日期不能早于决定书送达日期（" + served + "）",
                    "The payment date cannot be before the decision was served (" + served + ")"));
        }
        LocalDate last = e.lastPaymentDate();
        if (last != null && r.paidDate().isBefore(last)) {
            v.add(new Violation("paidDate", "PAYMENT_BEFORE_PREVIOUS", "缴款日期不能早于已登记的上一笔缴款（" + last
                    + "）", "The payment date cannot be before the previously recorded payment (" + last + ")"));
        }
        throwIf(v);
        PaymentAccount before = terms.account(e, r.paidDate());
        if (r.amount().compareTo(before.outstanding()) > 0) {
            v.add(new Violation("amount", "AMOUNT_EXCEEDS_OUTSTANDING", "缴款金额超过截至缴款日应缴未缴的金额 "
                    + before.outstanding() + " 元（罚款及加处罚款）", "The amount exceeds what is owed at the payment date, "
                    + before.outstanding() + " CNY (fine and surcharge)"));
        }
        throwIf(v);
        ActorRef by = actor.ref(actor.actingAs(List.of(Role.OFFICER)).orElse(Role.OFFICER));
        var payment = new Payment(r.paymentId() == null ? ids.get().toString() : r.paymentId().trim(), r.paidDate(),
                r.amount().setScale(2), blankToNull(r.channel()), blankToNull(r.reference()), by, clock.instant());
        Execution next = e.withPayment(payment);
        PaymentAccount after = terms.account(next, r.paidDate());
        var target = before.nextOpen().or(() -> before.items().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(before.items().getLast())).orElse(null);
        List<ExecutionEvent> events = new ArrayList<>(List.of(new ExecutionEvent.FinePaid(payment, after,
                target == null ? null : target.due().instalment(),
                target == null ? null : target.due().dueDate().date())));
        var details = new LinkedHashMap<String, String>();
        details.put("paymentId", payment.paymentId());
        details.put("paidDate", payment.paidDate().toString());
        details.put("amount", payment.amount().toPlainString());
        details.put("surcharge", after.surcharge().toPlainString());
        details.put("totalPaid", after.totalPaid().toPlainString());
        details.put("outstanding", after.outstanding().toPlainString());
        details.put("fullyPaid", Boolean.toString(after.fullyPaid()));
        List<ExecutionChange.Step> steps = new ArrayList<>();
        ExecutionState to;
        if (after.fullyPaid()) {
            to = ExecutionState.PERFORMED;
        } else {
            to = openState(from, next, today);
        }
        steps.add(new ExecutionChange.Step("PAYMENT_RECORDED", loaded.state(), to.name(),
                payment.channel() == null ? null : "缴款渠道：" + payment.channel(), List.of(), details));
        write(loaded, close(next, to, steps, events, today), by);
        return view(caseId);
    }

    // ---------------------------------------------------------------- rectification

    /** 责令改正 verified complete by an officer. */
    public ExecutionView verifyRectification(Actor actor, String caseId, VerifyRectification r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "verifiedDate", r.verifiedDate(), today, "核查日期", "the verification date");
        text(v, "summary", r.summary(), 2000, true, "整改核查情况", "the verification summary");
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        if (e.rectification() != null) {
            throw ProblemException.conflict("RECTIFICATION_ALREADY_VERIFIED", "verifiedDate",
                    "整改已于 " + e.rectification().verifiedDate() + " 核查完成",
                    "The rectification was already verified on " + e.rectification().verifiedDate());
        }
        if (r.verifiedDate().isBefore(loaded.decision().decisionDate())) {
            v.add(new Violation("verifiedDate", "VERIFICATION_BEFORE_DECISION", "核查日期不能早于处罚决定日期（"
                    + loaded.decision().decisionDate() + "）", "The verification date cannot be before the decision ("
                    + loaded.decision().decisionDate() + ")"));
        }
        throwIf(v);
        ActorRef by = actor.ref(Role.OFFICER);
        var rect = new Execution.Rectification(r.verifiedDate(), r.summary().trim(), by);
        Execution next = e.withRectification(rect);
        ExecutionState from = ExecutionState.of(loaded.state());
        List<ExecutionChange.Step> steps = new ArrayList<>(List.of(new ExecutionChange.Step("RECTIFICATION_VERIFIED",
                loaded.state(), from.name(), rect.summary(), List.of(),
                Map.of("verifiedDate", rect.verifiedDate().toString()))));
        List<ExecutionEvent> events = new ArrayList<>(List.of(new ExecutionEvent.RectificationVerified(rect)));
        write(loaded, close(next, from, steps, events, today), by);
        return view(caseId);
    }

    // ---------------------------------------------------------------- deferral and instalments (第六十六条)

    /** 暂缓缴纳, approved by the agency head. */
    public ExecutionView approveDeferral(Actor actor, String caseId, ApproveDeferral r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "approvedDate", r.approvedDate(), today, "批准日期", "the approval date");
        if (r.deferredUntil() == null) {
            v.add(required("deferredUntil", "暂缓缴纳至", "the deferred due date"));
        }
        text(v, "reason", r.reason(), 2000, true, "暂缓缴纳理由", "the reason for the deferral");
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        requireMoneyOwed(loaded, e, today);
        if (e.instalmentPlan() != null) {
            throw ProblemException.conflict("INSTALMENTS_APPROVED", "deferredUntil", "已批准分期缴纳，不能再暂缓缴纳",
                    "Instalments are approved: the fine cannot also be deferred");
        }
        approvalDateAfterService(v, e, r.approvedDate());
        LocalDate currentDue = terms.schedule(e).getFirst().dueDate().date();
        if (!r.deferredUntil().isAfter(currentDue)) {
            v.add(new Violation("deferredUntil", "DEFERRAL_NOT_LATER", "暂缓缴纳的期限应晚于现在的缴款期限（" + currentDue
                    + "）", "The deferred due date must be after the current due date (" + currentDue + ")"));
        }
        throwIf(v);
        ActorRef by = actor.ref(Role.AGENCY_HEAD);
        var deferral = new Execution.Deferral(r.approvedDate(), r.deferredUntil(), r.reason().trim(), by);
        Execution next = e.withDeferral(deferral);
        ExecutionState to = openState(ExecutionState.of(loaded.state()), next, today);
        write(loaded, new ExecutionChange(next, to, List.of(new ExecutionChange.Step("DEFERRAL_APPROVED",
                loaded.state(), to.name(), r.reason().trim(), List.of(), Map.of("approvedDate",
                        r.approvedDate().toString(), "deferredUntil", r.deferredUntil().toString()))),
                List.of(new ExecutionEvent.PaymentDeferred(deferral, terms.schedule(next).getFirst().dueDate(),
                        next.fine()))), by);
        return view(caseId);
    }

    /** 分期缴纳, approved by the agency head: the instalments add up to the fine, each with its own due date. */
    public ExecutionView approveInstalments(Actor actor, String caseId, ApproveInstalments r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "approvedDate", r.approvedDate(), today, "批准日期", "the approval date");
        text(v, "reason", r.reason(), 2000, true, "分期缴纳理由", "the reason for the instalments");
        if (r.instalments() == null || r.instalments().size() < 2) {
            v.add(new Violation("instalments", "AT_LEAST_TWO_INSTALMENTS", "分期缴纳至少分两期",
                    "An instalment plan has at least two instalments"));
        } else {
            for (int i = 0; i < r.instalments().size(); i++) {
                var in = r.instalments().get(i);
                String f = "instalments[" + i + "]";
                if (in == null) {
                    v.add(required(f, "分期", "the instalment"));
                    continue;
                }
                money(v, f + ".amount", in.amount(), "本期金额", "the instalment's amount");
                if (in.dueDate() == null) {
                    v.add(required(f + ".dueDate", "本期缴款期限", "the instalment's due date"));
                } else {
                    if (i > 0 && r.instalments().get(i - 1) != null && r.instalments().get(i - 1).dueDate() != null
                            && !in.dueDate().isAfter(r.instalments().get(i - 1).dueDate())) {
                        v.add(new Violation(f + ".dueDate", "INSTALMENT_DATES_NOT_INCREASING",
                                "各期缴款期限应依次推后", "Each instalment must be due after the previous one"));
                    }
                    if (r.approvedDate() != null && in.dueDate().isBefore(r.approvedDate())) {
                        v.add(new Violation(f + ".dueDate", "INSTALMENT_BEFORE_APPROVAL", "缴款期限不能早于批准日期",
                                "An instalment cannot be due before the approval date"));
                    }
                }
            }
        }
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        requireMoneyOwed(loaded, e, today);
        if (e.instalmentPlan() != null) {
            throw ProblemException.conflict("INSTALMENTS_ALREADY_APPROVED", "instalments", "分期缴纳已经批准",
                    "An instalment plan is already approved");
        }
        approvalDateAfterService(v, e, r.approvedDate());
        BigDecimal sum = r.instalments().stream().map(ExecutionRequests.InstalmentDto::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(e.fine()) != 0) {
            // DOMAIN.md §8.5.2: sum of instalments = fine
            v.add(new Violation("instalments", "INSTALMENTS_NOT_SUMMING_TO_FINE", "各期金额之和（" + sum.setScale(2)
                    + "）应等于罚款数额（" + e.fine() + "）", "The instalments add up to " + sum.setScale(2)
                    + ", not to the fine of " + e.fine()));
        }
        throwIf(v);
        ActorRef by = actor.ref(Role.AGENCY_HEAD);
        List<Execution.Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < r.instalments().size(); i++) {
            var in = r.instalments().get(i);
            instalments.add(new Execution.Instalment(i + 1, in.amount().setScale(2), in.dueDate()));
        }
        Execution next = e.withInstalmentPlan(new Execution.InstalmentPlan(r.approvedDate(), instalments,
                r.reason().trim(), by));
        ExecutionState to = openState(ExecutionState.of(loaded.state()), next, today);
        var details = new LinkedHashMap<String, String>();
        details.put("approvedDate", r.approvedDate().toString());
        instalments.forEach(i -> details.put("instalment" + i.number(), i.amount().toPlainString() + " by " + i.dueDate()));
        write(loaded, new ExecutionChange(next, to, List.of(new ExecutionChange.Step("INSTALMENT_PLAN_APPROVED",
                loaded.state(), to.name(), r.reason().trim(), List.of(), details)),
                List.of(new ExecutionEvent.InstalmentPlanApproved(next.instalmentPlan(), terms.schedule(next),
                        next.fine()))), by);
        return view(caseId);
    }

    // ---------------------------------------------------------------- overdue, reminder, court enforcement

    /** The daily check: cases past a due date with money unpaid become OVERDUE (the surcharge accrues). */
    public int markOverdue() {
        LocalDate today = today();
        int marked = 0;
        for (String caseId : repository.executingCaseIds(List.of(ExecutionState.EXECUTING.name(),
                ExecutionState.AMENDED.name()))) {
            try {
                Loaded loaded = repository.load(caseId).orElse(null);
                if (loaded == null || loaded.execution() == null || loaded.execution().revoked()) {
                    continue;
                }
                PaymentAccount account = terms.account(loaded.execution(), today);
                if (!account.overdue()) {
                    continue;
                }
                var due = account.currentDueDate();
                write(loaded, new ExecutionChange(loaded.execution(), ExecutionState.OVERDUE, List.of(
                        new ExecutionChange.Step("PAYMENT_OVERDUE", loaded.state(), ExecutionState.OVERDUE.name(),
                                due.explanationZh(), List.of(), Map.of("dueDate",
                                due.date().toString(), "surchargeToDate",
                                account.surcharge().toPlainString(), "outstanding",
                                account.outstanding().toPlainString()))),
                        List.of(new ExecutionEvent.PaymentOverdue(due, account))), SYSTEM);
                marked++;
            } catch (ProblemException e) {
                log.warn("overdue check of case {} skipped: {}", caseId, e.getMessage());
            }
        }
        return marked;
    }

    /** 催告书 served on an enterprise that has not paid by the due date (行政强制法 第三十五条、第五十四条). */
    public ExecutionView recordReminder(Actor actor, String caseId, RecordReminder r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "servedDate", r.servedDate(), today, "催告书送达日期", "the date the reminder was served");
        text(v, "documentNumber", r.documentNumber(), 100, false, "催告书文号", "the reminder's document number");
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        ExecutionState from = ExecutionState.of(loaded.state());
        if (e.reminder() != null) {
            throw ProblemException.conflict("REMINDER_ALREADY_SERVED", "servedDate", "催告书已于 "
                    + e.reminder().servedDate() + " 送达", "The reminder was already served on " + e.reminder().servedDate());
        }
        PaymentAccount account = terms.account(e, today);
        if (from == ExecutionState.PERFORMED || !account.overdue()) {
            throw ProblemException.conflict("NOT_OVERDUE", null, "当事人没有逾期未缴的罚款，不能催告",
                    "Nothing is overdue: there is nothing to remind of");
        }
        LocalDate due = account.currentDueDate().date();
        if (!r.servedDate().isAfter(due)) {
            v.add(new Violation("servedDate", "REMINDER_BEFORE_DUE_DATE", "催告书应在缴款期限（" + due + "）届满后送达",
                    "The reminder is served after the due date (" + due + ") has passed"));
        }
        throwIf(v);
        ActorRef by = actor.ref(Role.OFFICER);
        var reminder = new Execution.Reminder(r.servedDate(), blankToNull(r.documentNumber()), by);
        Execution next = e.withReminder(reminder);
        ExplainedDate periodEnd = terms.reminderPeriodEnd(r.servedDate());
        write(loaded, new ExecutionChange(next, ExecutionState.REMINDER_SERVED, List.of(new ExecutionChange.Step(
                "REMINDER_SERVED", loaded.state(), ExecutionState.REMINDER_SERVED.name(), periodEnd.explanationZh(),
                reminder.documentNumber() == null ? List.of() : List.of(reminder.documentNumber()),
                Map.of("servedDate", r.servedDate().toString(), "reminderPeriodEnd", periodEnd.date().toString()))),
                List.of(new ExecutionEvent.ReminderServed(reminder, periodEnd, terms.courtApplicationDeadline(next)))),
                by);
        return view(caseId);
    }

    /** 申请人民法院强制执行 (行政强制法 第五十三条、第五十四条): after the reminder period and the remedy periods. */
    public ExecutionView requestCourtEnforcement(Actor actor, String caseId, RequestCourtEnforcement r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "requestedDate", r.requestedDate(), today, "申请日期", "the application date");
        text(v, "court", r.court(), 200, true, "受理法院", "the court");
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        if (ExecutionState.of(loaded.state()) != ExecutionState.REMINDER_SERVED) {
            throw ProblemException.conflict("REMINDER_NOT_SERVED", null, "申请强制执行前应当送达催告书（行政强制法第五十四条）",
                    "A reminder must be served before applying to the court (Administrative Coercion Law Art. 54)");
        }
        ExplainedDate reminderEnd = terms.reminderPeriodEnd(e.reminder().servedDate());
        if (!r.requestedDate().isAfter(reminderEnd.date())) {
            v.add(new Violation("requestedDate", "REMINDER_PERIOD_NOT_OVER", reminderEnd.explanationZh()
                    + " 期满后方可申请", reminderEnd.explanationEn() + " Apply only after it."));
        }
        ExplainedDate remedies = terms.remedyPeriodsEnd(e.service().servedDate());
        if (!r.requestedDate().isAfter(remedies.date())) {
            v.add(new Violation("requestedDate", "REMEDY_PERIODS_NOT_EXPIRED", remedies.explanationZh()
                    + " 复议、诉讼期限届满后方可申请（行政强制法第五十三条）", remedies.explanationEn()
                    + " Apply only after the remedy periods (Administrative Coercion Law Art. 53)."));
        }
        ExplainedDate deadline = terms.courtApplicationDeadline(e);
        if (r.requestedDate().isAfter(deadline.date())) {
            v.add(new Violation("requestedDate", "COURT_APPLICATION_TIME_LIMIT_PASSED", deadline.explanationZh(),
                    deadline.explanationEn()));
        }
        throwIf(v);
        ActorRef by = actor.ref(actor.actingAs(List.of(Role.AGENCY_HEAD, Role.OFFICER)).orElse(Role.OFFICER));
        var request = new Execution.CourtEnforcement(r.requestedDate(), r.court().trim(), by, null);
        Execution next = e.withCourtEnforcement(request);
        write(loaded, new ExecutionChange(next, ExecutionState.COURT_ENFORCEMENT_REQUESTED, List.of(
                new ExecutionChange.Step("COURT_ENFORCEMENT_REQUESTED", loaded.state(),
                        ExecutionState.COURT_ENFORCEMENT_REQUESTED.name(), r.court().trim(), List.of(),
                        Map.of("requestedDate", r.requestedDate().toString(), "deadline",
                                deadline.date().toString()))),
                List.of(new ExecutionEvent.CourtEnforcementRequested(request, deadline))), by);
        return view(caseId);
    }

    /** The court's enforcement is completed: the case closes (依法强制执行完毕, DOMAIN.md §0.1 "Closure"). */
    public ExecutionView completeCourtEnforcement(Actor actor, String caseId, CompleteCourtEnforcement r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        date(v, "completedDate", r.completedDate(), today, "执行完毕日期", "the completion date");
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = openExecution(loaded);
        if (ExecutionState.of(loaded.state()) != ExecutionState.COURT_ENFORCEMENT_REQUESTED) {
            throw ProblemException.conflict("COURT_ENFORCEMENT_NOT_REQUESTED", null, "尚未申请人民法院强制执行",
                    "No court enforcement was requested");
        }
        if (r.completedDate().isBefore(e.courtEnforcement().requestedDate())) {
            throw new InvalidInputException(new Violation("completedDate", "COMPLETION_BEFORE_REQUEST",
                    "执行完毕日期不能早于申请日期", "The completion date cannot be before the application"));
        }
        ActorRef by = actor.ref(actor.actingAs(List.of(Role.AGENCY_HEAD, Role.OFFICER)).orElse(Role.OFFICER));
        var c = e.courtEnforcement();
        Execution next = e.withCourtEnforcement(new Execution.CourtEnforcement(c.requestedDate(), c.court(),
                c.requestedBy(), r.completedDate())).closedOn(today);
        write(loaded, new ExecutionChange(next, ExecutionState.CLOSED, List.of(new ExecutionChange.Step("CASE_CLOSED",
                loaded.state(), ExecutionState.CLOSED.name(), "人民法院强制执行完毕", List.of(),
                Map.of("outcome", "COURT_ENFORCEMENT", "completedDate", r.completedDate().toString()))),
                List.of(new ExecutionEvent.CaseClosed(today, ExecutionEvent.CaseClosed.Outcome.COURT_ENFORCEMENT))), by);
        return view(caseId);
    }

    // ---------------------------------------------------------------- revocation and amendment

    /**
     * The decision revoked (or void, or confirmed illegal) or amended after reconsideration, litigation or
     * self-correction: credit-service withdraws the publicity within 3 working days (T14, 行政处罚法 第四十八条).
     */
    public ExecutionView recordRemedyOutcome(Actor actor, String caseId, RecordRemedyOutcome r) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        Execution.RemedyOutcome.Kind kind = enumOf(v, "kind", r.kind(), Execution.RemedyOutcome.Kind.class,
                "结果类型", "the kind of outcome");
        Execution.RemedySource source = enumOf(v, "source", r.source(), Execution.RemedySource.class, "来源",
                "the source");
        date(v, "effectiveDate", r.effectiveDate(), today, "生效日期", "the date it took effect");
        text(v, "reason", r.reason(), 2000, true, "理由", "the reason");
        Execution.Amended amended = null;
        String revocationOutcome = null;
        if (kind == Execution.RemedyOutcome.Kind.REVOKED) {
            revocationOutcome = r.outcome() == null ? "REVOKED" : r.outcome();
            if (!Set.of("REVOKED", "VOID", "CONFIRMED_ILLEGAL").contains(revocationOutcome)) {
                v.add(new Violation("outcome", "UNKNOWN_REVOCATION_OUTCOME", "撤销结果须为 REVOKED、VOID 或 CONFIRMED_ILLEGAL",
                        "The outcome must be REVOKED, VOID or CONFIRMED_ILLEGAL"));
            }
        } else if (kind == Execution.RemedyOutcome.Kind.AMENDED) {
            amended = amended(v, r.amended());
        }
        throwIf(v);
        Loaded loaded = load(caseId);
        Execution e = loaded.execution();
        if (e == null) {
            throw ProblemException.conflict("NOT_SERVED", null, "处罚决定书尚未送达", "The decision has not been served yet");
        }
        if (e.revoked()) {
            throw ProblemException.conflict("DECISION_REVOKED", null, "处罚决定已被撤销", "The decision has been revoked");
        }
        if (r.effectiveDate().isBefore(loaded.decision().decisionDate())) {
            throw new InvalidInputException(new Violation("effectiveDate", "EFFECTIVE_BEFORE_DECISION",
                    "生效日期不能早于处罚决定日期", "The effective date cannot be before the decision date"));
        }
        ActorRef by = actor.ref(actor.actingAs(List.of(Role.LEGAL_REVIEWER, Role.AGENCY_HEAD))
                .orElse(Role.AGENCY_HEAD));
        var outcome = new Execution.RemedyOutcome(kind, source, revocationOutcome, r.effectiveDate(), r.reason().trim(),
                amended, by);
        Execution next = e.withRemedyOutcome(outcome);
        ExplainedDate withdrawBy = terms.withdrawBy(r.effectiveDate(), kind == Execution.RemedyOutcome.Kind.REVOKED);
        var details = new LinkedHashMap<String, String>();
        details.put("source", source.name());
        details.put("effectiveDate", r.effectiveDate().toString());
        details.put("withdrawBy", withdrawBy.date().toString());
        if (kind == Execution.RemedyOutcome.Kind.REVOKED) {
            details.put("outcome", revocationOutcome);
            write(loaded, new ExecutionChange(next, ExecutionState.REVOKED, List.of(new ExecutionChange.Step(
                    "DECISION_REVOKED", loaded.state(), ExecutionState.REVOKED.name(), outcome.reason(), List.of(),
                    details)), List.of(new ExecutionEvent.DecisionRevoked(outcome, withdrawBy))), by);
        } else {
            details.put("totalFine", amended.totalFine().toPlainString());
            details.put("severityTier", amended.severityTier());
            // a closed case stays closed: the amendment is recorded and announced, and nothing is left to perform
            ExecutionState to = ExecutionState.of(loaded.state()) == ExecutionState.CLOSED ? ExecutionState.CLOSED
                    : ExecutionState.AMENDED;
            List<ExecutionChange.Step> steps = new ArrayList<>(List.of(new ExecutionChange.Step("DECISION_AMENDED",
                    loaded.state(), to.name(), outcome.reason(), List.of(), details)));
            List<ExecutionEvent> events = new ArrayList<>(List.of(new ExecutionEvent.DecisionAmended(outcome,
                    withdrawBy)));
            write(loaded, close(next, to, steps, events, today), by);
        }
        return view(caseId);
    }

    // ---------------------------------------------------------------- reading

    /** The payment status: agency staff for any case, an enterprise user for its own enterprise's only. */
    public ExecutionView status(Actor actor, String caseId) {
        Loaded loaded = load(caseId);
        policy.requireEnterprise(actor, "execution of case " + caseId, loaded.decision().enterprise().uscc());
        return view(loaded);
    }

    private ExecutionView view(String caseId) {
        return view(load(caseId));
    }

    private ExecutionView view(Loaded loaded) {
        return ExecutionView.of(loaded, terms, today());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Closure (结案) when every obligation is met: the money paid in full and, where required, the rectification
     * verified. Adds the closing step and {@code CaseClosed} (outcome PERFORMED) to the change.
     */
    private ExecutionChange close(Execution next, ExecutionState to, List<ExecutionChange.Step> steps,
                                  List<ExecutionEvent> events, LocalDate today) {
        boolean paid = terms.account(next, today).fullyPaid();
        boolean rectified = !rectificationRequired || next.rectification() != null;
        if (to == ExecutionState.CLOSED || !paid) {
            return new ExecutionChange(next, to, steps, events);
        }
        if (!rectified) {
            return new ExecutionChange(next, ExecutionState.PERFORMED, steps, events);
        }
        Execution closed = next.closedOn(today);
        List<ExecutionChange.Step> all = new ArrayList<>(steps);
        all.add(new ExecutionChange.Step("CASE_CLOSED", steps.getLast().toState(), ExecutionState.CLOSED.name(),
                "罚款及加处罚款已缴清，整改已核查", List.of(), Map.of("outcome", "PERFORMED")));
        List<ExecutionEvent> allEvents = new ArrayList<>(events);
        allEvents.add(new ExecutionEvent.CaseClosed(today, ExecutionEvent.CaseClosed.Outcome.PERFORMED));
        return new ExecutionChange(closed, ExecutionState.CLOSED, all, allEvents);
    }

    /** Where an unpaid case stands: the reminder and court stages stay; otherwise overdue or not. */
    private ExecutionState openState(ExecutionState current, Execution e, LocalDate today) {
        if (current == ExecutionState.REMINDER_SERVED || current == ExecutionState.COURT_ENFORCEMENT_REQUESTED) {
            return current;
        }
        return terms.account(e, today).overdue() ? ExecutionState.OVERDUE : ExecutionState.EXECUTING;
    }

    private void write(Loaded loaded, ExecutionChange change, ActorRef by) {
        try {
            repository.apply(loaded, change, by, clock.instant(), false);
        } catch (ExecutionRepository.ConcurrentChangeException e) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", null,
                    "案件已被他人同时更改，请刷新后重试（本次未作任何更改）",
                    "The case was changed by someone else at the same time; reload and retry (nothing was changed)");
        }
    }

    private Loaded load(String caseId) {
        return repository.load(caseId).orElseThrow(() -> ProblemException.notFound("案件", "case", caseId));
    }

    /** The execution of a served, not revoked, not closed case. */
    private static Execution openExecution(Loaded loaded) {
        Execution e = loaded.execution();
        if (e == null) {
            throw ProblemException.conflict("NOT_SERVED", null, "处罚决定书尚未送达，缴款期限尚未起算",
                    "The decision has not been served: the payment period has not started");
        }
        if (e.revoked()) {
            throw ProblemException.conflict("DECISION_REVOKED", null, "处罚决定已被撤销，不能再登记执行事项",
                    "The decision has been revoked: nothing more can be recorded against it");
        }
        if (ExecutionState.of(loaded.state()) == ExecutionState.CLOSED) {
            throw ProblemException.conflict("CASE_CLOSED", null, "案件已结案", "The case is closed");
        }
        return e;
    }

    private void requireMoneyOwed(Loaded loaded, Execution e, LocalDate today) {
        if (ExecutionState.of(loaded.state()) == ExecutionState.PERFORMED || terms.account(e, today).fullyPaid()) {
            throw ProblemException.conflict("NOTHING_OWED", null, "罚款已缴清", "The fine is paid in full");
        }
    }

    private static void approvalDateAfterService(List<Violation> v, Execution e, LocalDate approved) {
        if (approved.isBefore(e.service().servedDate())) {
            v.add(new Violation("approvedDate", "APPROVAL_BEFORE_SERVICE", "批准日期不能早于决定书送达日期（"
                    + e.service().servedDate() + "）", "The approval cannot be before the decision was served ("
                    + e.service().servedDate() + ")"));
        }
    }

    private static Execution.Amended amended(List<Violation> v, ExecutionRequests.AmendedDto a) {
        if (a == null) {
            v.add(required("amended", "变更后的决定内容", "the amended content"));
            return null;
        }
        int before = v.size();
        if (a.severityTier() == null || Arrays.stream(SeverityTier.values()).noneMatch(t -> t.name().equals(a.severityTier()))) {
            v.add(new Violation("amended.severityTier", "UNKNOWN_SEVERITY_TIER", "失信程度须为 MINOR、GENERAL 或 SERIOUS",
                    "The severity tier must be MINOR, GENERAL or SERIOUS"));
        }
        if (a.penaltyTypes() == null || a.penaltyTypes().isEmpty()) {
            v.add(required("amended.penaltyTypes", "处罚种类", "at least one penalty type"));
        } else {
            for (int i = 0; i < a.penaltyTypes().size(); i++) {
                String t = a.penaltyTypes().get(i);
                if (t == null || Arrays.stream(PenaltyType.values()).noneMatch(p -> p.name().equals(t))) {
                    v.add(new Violation("amended.penaltyTypes[" + i + "]", "UNKNOWN_PENALTY_TYPE",
                            "不是《行政处罚法》第九条规定的处罚种类：" + t,
                            "Not a penalty type of Art. 9 of the Administrative Penalty Law: " + t));
                }
            }
        }
        if (a.totalFine() == null) {
            v.add(required("amended.totalFine", "变更后的罚款数额", "the amended fine"));
        } else if (a.totalFine().signum() < 0 || a.totalFine().stripTrailingZeros().scale() > 2
                || a.totalFine().compareTo(MAX_AMOUNT) > 0) {
            v.add(new Violation("amended.totalFine", "AMOUNT_NOT_FEN_EXACT", "罚款数额须为不小于零、精确到分的金额",
                    "The fine must be zero or more, exact to the fen"));
        } else if (a.penaltyTypes() != null && a.penaltyTypes().contains("FINE") != (a.totalFine().signum() > 0)) {
            v.add(new Violation("amended.totalFine", "FINE_AND_TYPES_DISAGREE", "有罚款种类时罚款数额须大于零，反之须为零",
                    "The fine is above zero exactly when FINE is among the penalty types"));
        }
        return v.size() > before ? null : new Execution.Amended(a.severityTier(), a.penaltyTypes(),
                a.totalFine().setScale(2));
    }

    private static <E extends Enum<E>> E enumOf(List<Violation> v, String field, String value, Class<E> type,
                                                String zh, String en) {
        if (value == null || value.isBlank()) {
            v.add(required(field, zh, en));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList().toString();
            v.add(new Violation(field, "UNKNOWN_VALUE", zh + "须为 " + allowed + " 之一", en + " must be one of " + allowed));
            return null;
        }
    }

    private static void date(List<Violation> v, String field, LocalDate date, LocalDate today, String zh, String en) {
        if (date == null) {
            v.add(required(field, zh, en));
        } else if (date.isAfter(today)) {
            v.add(new Violation(field, "DATE_IN_FUTURE", zh + "不能晚于今天（" + today + "）",
                    en + " cannot be after today (" + today + ")"));
        }
    }

    private static void money(List<Violation> v, String field, BigDecimal amount, String zh, String en) {
        if (amount == null) {
            v.add(required(field, zh, en));
        } else if (amount.signum() <= 0) {
            v.add(new Violation(field, "AMOUNT_NOT_POSITIVE", zh + "必须大于零", en + " must be greater than zero"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            v.add(new Violation(field, "AMOUNT_NOT_FEN_EXACT", zh + "最多保留两位小数（精确到分）",
                    en + " must be exact to the fen (at most 2 decimals)"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            v.add(new Violation(field, "AMOUNT_TOO_LARGE", zh + "超出允许范围", en + " is too large"));
        }
    }

    private static void text(List<Violation> v, String field, String value, int max, boolean required, String zh,
                             String en) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(required(field, zh, en));
            }
        } else if (value.length() > max) {
            v.add(new Violation(field, "TOO_LONG", zh + "不能超过" + max + "个字符", en + " must be at most " + max
                    + " characters"));
        }
    }

    private static Violation required(String field, String zh, String en) {
        return new Violation(field, "REQUIRED", "缺少" + zh, "Missing " + en);
    }

    private static void throwIf(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
