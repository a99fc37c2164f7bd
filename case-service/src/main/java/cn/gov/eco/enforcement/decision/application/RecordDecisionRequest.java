package cn.gov.eco.enforcement.decision.application;

import cn.gov.eco.enforcement.casefile.model.Mitigation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an officer submits to register a penalty decision made outside the system (存量/线下案件录入). Validated field by
 * field before anything is stored. The attestations are optional; they are required when a gate of the case flow
 * applies to the decision submitted (legal review, collective discussion, hearing right), so that registering is no
 * way around the gates. {@code mitigation} flags 减轻处罚 below the statutory minimum with its Art. 32 ground (the
 * statutory range of the cited provision is checked against the legal-basis table).
 */
public record RecordDecisionRequest(EnterpriseDto enterprise, String documentNumber, LocalDate decisionDate,
                                    List<PenaltyDto> penalties, String severityTier, String facts,
                                    List<String> evidence, String violatedProvision, String penaltyBasisProvision,
                                    String discretionStatement, String issuingAgency,
                                    LegalReviewAttestation legalReview,
                                    CollectiveDiscussionAttestation collectiveDiscussion,
                                    HearingRightAttestation hearingRight, Mitigation mitigation,
                                    NonRepairableDto nonRepairable) {

    /**
     * 特定严重失信: the information may not be repaired during its publicity period — entered by the officer with its
     * legal basis (and the reason the notice prints), checked in legal review. Optional.
     */
    public record NonRepairableDto(String legalBasis, String reasonZh) {
    }

    /** 法制审核通过 (行政处罚法 第五十八条): on which date, by whom. */
    public record LegalReviewAttestation(LocalDate passedOn, String reviewer) {
    }

    /** 集体讨论 (第五十七条第二款): the minutes' reference and the meeting date. */
    public record CollectiveDiscussionAttestation(String minutesReference, LocalDate heldOn) {
    }

    /** 听证权利告知 (第六十三条、第六十四条): offered on a date; HELD, WAIVED or NOT_REQUESTED. */
    public record HearingRightAttestation(LocalDate offeredOn, String outcome) {
    }

    public record EnterpriseDto(String uscc, String name, String address, String legalRepresentative) {
    }

    public record PenaltyDto(String type, BigDecimal amount, String description) {
    }
}
