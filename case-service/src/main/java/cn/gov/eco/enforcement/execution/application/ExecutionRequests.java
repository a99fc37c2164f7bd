package cn.gov.eco.enforcement.execution.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What officers, agency heads and legal reviewers submit after a decision. Validated before anything is stored. */
public final class ExecutionRequests {

    private ExecutionRequests() {
    }

    /** 缴款登记: {@code paymentId} is the payment channel's transaction id, if any (the same id twice is one payment). */
    public record RecordPayment(String paymentId, LocalDate paidDate, BigDecimal amount, String channel,
                                String reference) {
    }

    /** 整改核查. */
    public record VerifyRectification(LocalDate verifiedDate, String summary) {
    }

    /** 暂缓缴纳 approved on {@code approvedDate} until {@code deferredUntil}. */
    public record ApproveDeferral(LocalDate approvedDate, LocalDate deferredUntil, String reason) {
    }

    /** 分期缴纳 approved on {@code approvedDate}. */
    public record ApproveInstalments(LocalDate approvedDate, List<InstalmentDto> instalments, String reason) {
    }

    public record InstalmentDto(BigDecimal amount, LocalDate dueDate) {
    }

    /** 催告书送达. */
    public record RecordReminder(LocalDate servedDate, String documentNumber) {
    }

    /** 申请人民法院强制执行. */
    public record RequestCourtEnforcement(LocalDate requestedDate, String court) {
    }

    /** 人民法院强制执行完毕 (or the court's acceptance where the rule set closes on it). */
    public record CompleteCourtEnforcement(LocalDate completedDate) {
    }

    /**
     * 复议、诉讼或自行纠正的结果: {@code kind} REVOKED or AMENDED; {@code outcome} for a revocation REVOKED, VOID or
     * CONFIRMED_ILLEGAL; {@code amended} for an amendment.
     */
    public record RecordRemedyOutcome(String kind, String source, String outcome, LocalDate effectiveDate,
                                      String reason, AmendedDto amended) {
    }

    public record AmendedDto(String severityTier, List<String> penaltyTypes, BigDecimal totalFine) {
    }
}
