package cn.gov.eco.enforcement.execution.application;

import cn.gov.eco.enforcement.execution.infrastructure.ExecutionRepository.Loaded;
import cn.gov.eco.enforcement.execution.model.Execution;
import cn.gov.eco.enforcement.execution.model.ExecutionTerms;
import cn.gov.eco.enforcement.execution.model.LatePaymentSurcharge;
import cn.gov.eco.enforcement.execution.model.PaymentAccount;
import cn.gov.eco.platform.calendar.ExplainedDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's execution as officers and the enterprise read it, as of today: what is due and by when (with the
 * explained due date), the surcharge to date, what was paid and what is outstanding, and the later stages.
 */
public record ExecutionView(String caseId, String documentNumber, String uscc, String state, long version,
                            boolean served, LocalDate servedDate, LocalDate asOf, BigDecimal fine,
                            ExplainedDate dueDate, List<Item> schedule, BigDecimal surchargeToDate,
                            BigDecimal totalPaid, BigDecimal outstanding, boolean fullyPaid, SurchargeRule surchargeRule,
                            List<PaymentView> payments, Execution.Rectification rectification,
                            Execution.Deferral deferral, Reminder reminder, Execution.CourtEnforcement courtEnforcement,
                            Execution.RemedyOutcome remedyOutcome, LocalDate closedDate) {

    /** One amount due: the fine, or one instalment. */
    public record Item(Integer instalment, BigDecimal amount, ExplainedDate dueDate, BigDecimal principalPaid,
                       LocalDate settledOn, long overdueDays, BigDecimal surcharge) {
    }

    public record PaymentView(String paymentId, LocalDate paidDate, BigDecimal amount, String channel,
                              String reference, String recordedBy) {
    }

    /** 加处罚款 as printed on the decision (行政强制法 第四十五条: the rate is told to the party). */
    public record SurchargeRule(BigDecimal dailyRate, String rounding, String legalSourceZh, String legalSourceEn) {
    }

    public record Reminder(LocalDate servedDate, String documentNumber, ExplainedDate reminderPeriodEnd,
                           ExplainedDate courtApplicationDeadline) {
    }

    static ExecutionView of(Loaded loaded, ExecutionTerms terms, LocalDate today) {
        var d = loaded.decision();
        Execution e = loaded.execution();
        LatePaymentSurcharge s = terms.surcharge();
        var rule = new SurchargeRule(s.dailyRate(), s.rounding().name(),
                "《中华人民共和国行政处罚法》第七十二条；《中华人民共和国行政强制法》第四十五条",
                "Administrative Penalty Law Art. 72; Administrative Coercion Law Art. 45");
        if (e == null) {
            return new ExecutionView(loaded.caseId(), d.documentNumber(), d.enterprise().uscc(), loaded.state(),
                    loaded.version(), false, null, today, d.totalFine(), null, List.of(), null, null, null, false, rule,
                    List.of(), null, null, null, null, null, null);
        }
        // a closed or revoked case is shown as it stood when it ended, not accruing further
        LocalDate asOf = e.closedDate() != null ? e.closedDate()
                : e.revoked() ? e.remedyOutcome().effectiveDate() : today;
        PaymentAccount account = terms.account(e, asOf);
        var items = account.items().stream().map(i -> new Item(i.due().instalment(), i.due().amount(),
                i.due().dueDate(), i.principalPaid(), i.settledOn(), i.overdueDays(), i.surcharge())).toList();
        ExplainedDate due = account.currentDueDate();
        var payments = e.payments().stream().map(p -> new PaymentView(p.paymentId(), p.paidDate(), p.amount(),
                p.channel(), p.reference(), p.recordedBy() == null ? null : p.recordedBy().userId())).toList();
        Reminder reminder = e.reminder() == null ? null : new Reminder(e.reminder().servedDate(),
                e.reminder().documentNumber(), terms.reminderPeriodEnd(e.reminder().servedDate()),
                terms.courtApplicationDeadline(e));
        return new ExecutionView(loaded.caseId(), e.documentNumber(), e.uscc(), loaded.state(), loaded.version(), true,
                e.service().servedDate(), asOf, account.fine(), due, items, account.surcharge(), account.totalPaid(),
                account.outstanding(), account.fullyPaid(), rule, payments, e.rectification(), e.deferral(), reminder,
                e.courtEnforcement(), e.remedyOutcome(), e.closedDate());
    }
}
