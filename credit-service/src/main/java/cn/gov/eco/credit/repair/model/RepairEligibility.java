package cn.gov.eco.credit.repair.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conditions of credit repair (信用修复条件), checked before an application may be received and shown to the
 * enterprise before it applies. 《信用修复管理办法》（国家发展改革委令2025年第36号）and 国办发〔2025〕22号 (DOMAIN.md
 * §4.2): the minimum publicity period has passed (T28: from the day after its end; none for the minor tier); the
 * conduct is corrected and the obligations fully performed (fine and late-payment surcharge paid, rectification
 * verified); a public credit commitment (信用承诺) is made; nothing bars repair (Quanzhou special serious cases, T27;
 * a re-application bar after a repair revoked for false materials [U]).
 */
public final class RepairEligibility {

    /** Publicity states in which there is nothing left to repair: publication already stopped or was withdrawn. */
    private static final Set<String> NOTHING_TO_REPAIR = Set.of("EXPIRED", "WITHDRAWN", "TERMINATED_BY_REPAIR");

    private final boolean rectificationRequired;

    /**
     * @param rectificationRequired whether a verified rectification is a condition for every decision (configuration:
     *                              [I] a decision may order no rectification, which case-service does not yet say)
     */
    public RepairEligibility(boolean rectificationRequired) {
        this.rectificationRequired = rectificationRequired;
    }

    /** The outcome: eligible when nothing is unmet; the earliest application date is always shown when known. */
    public record Assessment(String recordId, boolean eligible, List<UnmetCondition> unmet,
                             ExplainedDate earliestApplicationDate) {
        public boolean onlyUnmet(String code) {
            return unmet.size() == 1 && unmet.getFirst().code().equals(code);
        }
    }

    /**
     * @param commitmentMade  whether the credit commitment (信用承诺书) is made with this application
     * @param applicationOpen whether another application for the same record is still open
     */
    public Assessment assess(RepairFacts facts, LocalDate today, boolean commitmentMade, boolean applicationOpen) {
        List<UnmetCondition> unmet = new ArrayList<>(recordedConditions(facts, today));
        if (!commitmentMade) {
            // 国办发〔2025〕22号 / Order 36: a public credit commitment is a condition of repair.
            unmet.add(new UnmetCondition(UnmetCondition.CREDIT_COMMITMENT_REQUIRED,
                    "须作出信用承诺（签署信用承诺书），可在提交申请时一并作出",
                    "a credit commitment (信用承诺书) must be made; it can be made with the application", null));
        }
        if (applicationOpen) {
            unmet.add(new UnmetCondition(UnmetCondition.APPLICATION_ALREADY_OPEN,
                    "该公示信息已有正在办理的信用修复申请", "an application for this record is already being handled",
                    null));
        }
        return new Assessment(facts.recordId(), unmet.isEmpty(), List.copyOf(unmet), facts.earliestApplicationDate());
    }

    /**
     * The conditions the agency's records decide (everything but the commitment, which the enterprise makes when it
     * applies): when none is unmet, the repair window is open and the enterprise is told so (RepairWindowOpened).
     */
    public List<UnmetCondition> recordedConditions(RepairFacts facts, LocalDate today) {
        List<UnmetCondition> unmet = new ArrayList<>();
        String status = facts.publicityStatus();
        if (status != null && NOTHING_TO_REPAIR.contains(status)) {
            unmet.add(new UnmetCondition(UnmetCondition.NOTHING_TO_REPAIR,
                    "该信息已停止公示或已撤回，无需修复（状态：" + status + "）",
                    "publication of this record has stopped or was withdrawn; there is nothing to repair (" + status
                            + ")", null));
            return unmet;
        }
        if ("PUBLISHED_NON_REPAIRABLE".equals(status)) {
            // DOMAIN.md §4.2, T27: Quanzhou 特定严重失信行为 may not be repaired during its 3-year publicity.
            unmet.add(new UnmetCondition(UnmetCondition.NON_REPAIRABLE, "该失信信息在公示期内不予修复",
                    "this information may not be repaired during its publicity period", facts.maxPeriodEnd()));
        }
        if (facts.barredUntil() != null && !today.isAfter(facts.barredUntil())) {
            // [U] re-application bar after a repair revoked for false materials (Order 36, number unconfirmed).
            unmet.add(new UnmetCondition(UnmetCondition.REAPPLICATION_BARRED,
                    "因提供虚假材料被撤销修复，" + facts.barredUntil() + "前不得再次申请",
                    "a repair was revoked for false materials; no new application until after "
                            + facts.barredUntil(), null));
        }
        ExplainedDate earliest = facts.earliestApplicationDate();
        if (earliest != null && today.isBefore(earliest.date())) {
            // T28 [I]: the earliest application date is the day after the minimum period ends.
            unmet.add(new UnmetCondition(UnmetCondition.MIN_PERIOD_NOT_ELAPSED,
                    "最短公示期尚未届满，最早可于" + earliest.date() + "申请信用修复",
                    "the minimum publicity period has not ended; earliest date " + earliest.date(), earliest));
        }
        boolean noFine = facts.totalFine() != null && facts.totalFine().signum() == 0;
        var payment = facts.latestPayment();
        if (!noFine && payment.map(p -> !p.fullyPaid()).orElse(true)) {
            // 《行政处罚法》第六十六条、第七十二条: the fine and any late-payment surcharge are part of the obligations.
            unmet.add(payment.map(p -> new UnmetCondition(UnmetCondition.FINE_NOT_FULLY_PAID,
                            "罚款（含加处罚款）尚未缴清，尚欠" + p.outstanding().toPlainString() + "元",
                            "the fine (and surcharge) is not fully paid: " + p.outstanding().toPlainString()
                                    + " CNY outstanding", null))
                    .orElseGet(() -> new UnmetCondition(UnmetCondition.FINE_NOT_FULLY_PAID,
                            "尚无罚款缴清的记录", "no record of the fine being fully paid", null)));
        }
        if (rectificationRequired && facts.rectificationVerifiedOn() == null) {
            unmet.add(new UnmetCondition(UnmetCondition.RECTIFICATION_NOT_VERIFIED, "整改尚未经执法机关核查确认",
                    "the rectification has not been verified by the agency", null));
        }
        return unmet;
    }
}
