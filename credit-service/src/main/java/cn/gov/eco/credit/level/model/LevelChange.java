package cn.gov.eco.credit.level.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of the history: what changed the score or the level, from what to what, and why. */
public record LevelChange(Instant at, LocalDate on, Reason reason, String reasonZh, String reasonEn, String caseId,
                          String documentNumber, CreditLevel from, CreditLevel to, BigDecimal scoreBefore,
                          BigDecimal scoreAfter, boolean veto, String actor) {

    /** Why the evaluation changed. */
    public enum Reason {
        PENALTY_DECIDED, VETO_VIOLATION, REPAIR_RESTORED, DECISION_REVOKED, DECISION_AMENDED, REPAIR_REVOKED,
        RECTIFICATION_VERIFIED, POSITIVE_LIST
    }
}
