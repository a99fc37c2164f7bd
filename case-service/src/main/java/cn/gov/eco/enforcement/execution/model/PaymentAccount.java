package cn.gov.eco.enforcement.execution.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is owed and paid on a decision as of a date: each amount due with what was paid towards it, when it was
 * settled and the surcharge it accrued; the totals credit-service reads from {@code FinePaid}.
 *
 * <p>Payments are applied to the fine first, earliest due amount first, and only then to the surcharge [I]: the
 * surcharge on an amount stops accruing on the day that amount is paid in full (行政处罚法 第七十二条 counts the days
 * until payment), and what was accrued stays owed.
 */
public record PaymentAccount(LocalDate asOf, BigDecimal fine, BigDecimal surcharge, BigDecimal totalPaid,
                             BigDecimal outstanding, boolean fullyPaid, List<Item> items) {

    /** One amount due and how it stands. {@code settledOn} is null while any of its principal is unpaid. */
    public record Item(Due due, BigDecimal principalPaid, LocalDate settledOn, long overdueDays, BigDecimal surcharge) {

        public BigDecimal principalOutstanding() {
            return due.amount().subtract(principalPaid);
        }
    }

    public static PaymentAccount of(List<Due> schedule, List<Payment> payments, LocalDate asOf,
                                    LatePaymentSurcharge rule) {
        List<Due> dues = schedule.stream().sorted(Comparator.comparing((Due d) -> d.dueDate().date())).toList();
        BigDecimal[] paid = new BigDecimal[dues.size()];
        LocalDate[] settled = new LocalDate[dues.size()];
        java.util.Arrays.fill(paid, BigDecimal.ZERO.setScale(2));
        BigDecimal totalPaid = BigDecimal.ZERO.setScale(2);
        List<Payment> ordered = payments.stream().filter(p -> !p.paidDate().isAfter(asOf))
                .sorted(Comparator.comparing(Payment::paidDate)).toList();
        for (Payment p : ordered) {
            totalPaid = totalPaid.add(p.amount());
            BigDecimal rest = p.amount();
            for (int i = 0; i < dues.size() && rest.signum() > 0; i++) {
                BigDecimal open = dues.get(i).amount().subtract(paid[i]);
                if (open.signum() <= 0) {
                    continue;
                }
                BigDecimal take = rest.min(open);
                paid[i] = paid[i].add(take);
                rest = rest.subtract(take);
                if (paid[i].compareTo(dues.get(i).amount()) >= 0) {
                    settled[i] = p.paidDate();
                }
            }
        }
        List<Item> items = new ArrayList<>();
        BigDecimal fine = BigDecimal.ZERO.setScale(2);
        BigDecimal surcharge = BigDecimal.ZERO.setScale(2);
        boolean allSettled = true;
        for (int i = 0; i < dues.size(); i++) {
            Due d = dues.get(i);
            LocalDate until = settled[i] != null ? settled[i] : asOf;
            BigDecimal s = rule.accrued(d.amount(), d.dueDate().date(), until);
            items.add(new Item(d, paid[i], settled[i], rule.overdueDays(d.dueDate().date(), until), s));
            fine = fine.add(d.amount());
            surcharge = surcharge.add(s);
            allSettled &= settled[i] != null || d.amount().signum() == 0;
        }
        BigDecimal owed = fine.add(surcharge).subtract(totalPaid);
        BigDecimal outstanding = owed.signum() > 0 ? owed : BigDecimal.ZERO.setScale(2);
        return new PaymentAccount(asOf, fine, surcharge, totalPaid, outstanding, allSettled && owed.signum() <= 0,
                List.copyOf(items));
    }

    /** The earliest amount not yet paid in full, if any. */
    public java.util.Optional<Item> nextOpen() {
        return items.stream().filter(i -> i.settledOn() == null && i.due().amount().signum() > 0).findFirst();
    }

    /**
     * Whether something is unpaid past its due date on {@link #asOf}: an amount of the fine, or a surcharge (which
     * only exists because an amount was paid late, and is owed at once [I]).
     */
    public boolean overdue() {
        return nextOpen().map(i -> asOf.isAfter(i.due().dueDate().date())).orElse(outstanding.signum() > 0);
    }

    /** The due date that applies now: the earliest unpaid amount's, else the last one's (null without any). */
    public cn.gov.eco.platform.calendar.ExplainedDate currentDueDate() {
        return nextOpen().map(i -> i.due().dueDate())
                .orElse(items.isEmpty() ? null : items.getLast().due().dueDate());
    }

    /** What is still unpaid of the fine itself, surcharge not included. */
    public BigDecimal principalOutstanding() {
        return items.stream().map(Item::principalOutstanding).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
