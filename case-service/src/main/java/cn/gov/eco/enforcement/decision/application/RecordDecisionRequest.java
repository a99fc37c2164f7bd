package cn.gov.eco.enforcement.decision.application;

import cn.gov.eco.enforcement.casefile.model.Mitigation;
import cn.gov.eco.platform.text.Printed;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an officer submits to register a penalty decision made outside the system (存量/线下案件录入). Validated field by
 * field before anything is stored. The attestations are optional; they are required when a gate of the case flow
 * applies to the decision submitted (legal review, collective discussion, hearing right), so that registering is no
 * way around the gates. {@code mitigation} flags 减轻处罚 below the statutory minimum with its Art. 32 ground (the
 * statutory range of the cited provision is checked against the legal-basis table). Every text has its documented
 * maximum, and what the documents print is checked against what they can print ({@link Printed}), before anything is
 * stored (issue 16).
 */
public record RecordDecisionRequest(EnterpriseDto enterprise,
                                    @Printed(max = 100, singleLine = true) String documentNumber,
                                    LocalDate decisionDate,
                                    @Size(max = MAX_PENALTIES) List<PenaltyDto> penalties,
                                    @Size(max = 20) String severityTier,
                                    @Printed(max = 20_000) String facts,
                                    @Size(max = MAX_EVIDENCE) @Printed(max = 500) List<String> evidence,
                                    @Printed(max = 2_000) String violatedProvision,
                                    @Printed(max = 2_000) String penaltyBasisProvision,
                                    @Printed(max = 5_000) String discretionStatement,
                                    @Printed(max = 200, singleLine = true) String issuingAgency,
                                    LegalReviewAttestation legalReview,
                                    CollectiveDiscussionAttestation collectiveDiscussion,
                                    HearingRightAttestation hearingRight, Mitigation mitigation,
                                    NonRepairableDto nonRepairable) {

    /**
     * 特定严重失信: the information may not be repaired during its publicity period — entered by the officer with its
     * legal basis (and the reason the notice prints), checked in legal review. Optional.
     */
    public record NonRepairableDto(@Size(max = 2_000) String legalBasis, @Printed(max = 2_000) String reasonZh) {
    }

    /** Penalty types one decision can impose together (行政处罚法 第九条 lists six kinds). */
    public static final int MAX_PENALTIES = 20;
    /** Items of evidence listed in one decision. */
    public static final int MAX_EVIDENCE = 200;

    /** 法制审核通过 (行政处罚法 第五十八条): on which date, by whom. */
    public record LegalReviewAttestation(LocalDate passedOn, @Size(max = 100) String reviewer) {
    }

    /** 集体讨论 (第五十七条第二款): the minutes' reference and the meeting date. */
    public record CollectiveDiscussionAttestation(@Size(max = 200) String minutesReference, LocalDate heldOn) {
    }

    /** 听证权利告知 (第六十三条、第六十四条): offered on a date; HELD, WAIVED or NOT_REQUESTED. */
    public record HearingRightAttestation(LocalDate offeredOn, @Size(max = 40) String outcome) {
    }

    /** The party as the documents print it. */
    public record EnterpriseDto(@Size(max = 64) String uscc, @Printed(max = 200, singleLine = true) String name,
                                @Printed(max = 300, singleLine = true) String address,
                                @Printed(max = 50, singleLine = true) String legalRepresentative) {
    }

    public record PenaltyDto(@Size(max = 40) String type, BigDecimal amount, @Printed(max = 500) String description) {
    }
}
