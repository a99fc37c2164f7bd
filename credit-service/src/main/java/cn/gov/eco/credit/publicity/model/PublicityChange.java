package cn.gov.eco.credit.publicity.model;

import java.time.LocalDate;

/** What happened to a publicity record: the domain events, mapped to the {@code credit.publicity.v1} types. */
public sealed interface PublicityChange {

    /** T28: the minimum period has passed; the repair window opens on {@code earliestApplicationDate} unless T27. */
    record MinimumPeriodElapsed(LocalDate earliestApplicationDate, boolean repairable) implements PublicityChange {
    }

    /** T31: publication stopped by itself the day after the maximum end. */
    record Expired(LocalDate stoppedOn) implements PublicityChange {
    }

    /** 《行政处罚法》第四十八条: withdrawn because the decision was revoked or changed, with the reason. */
    record Withdrawn(Withdrawal withdrawal, boolean wasPublished) implements PublicityChange {
    }

    /** Order 36 Art. 3: credit repair terminates publication. */
    record TerminatedByRepair(String applicationId, LocalDate approvedDate) implements PublicityChange {
    }

    /** Published again: the repair was revoked (until the original maximum end), or the amended decision is. */
    record Republished(Cause cause, String applicationId, String reasonZh, LocalDate runsUntil) implements PublicityChange {
        public enum Cause { REPAIR_REVOKED, DECISION_AMENDED }
    }
}
