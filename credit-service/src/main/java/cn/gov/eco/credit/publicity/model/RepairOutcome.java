package cn.gov.eco.credit.publicity.model;

import java.time.LocalDate;

/** The repair that terminated the record, and its revocation if it was revoked (DOMAIN.md §9 scenario 25). */
public record RepairOutcome(String applicationId, LocalDate approvedDate, LocalDate revokedDate, String revokedReason,
                            LocalDate reapplicationBarredUntil) {
}
