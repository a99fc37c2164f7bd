package cn.gov.eco.credit.publicity.model;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a record's history: the status it moved from and to, on which day, and why. */
public record StatusChange(Instant at, LocalDate on, PublicityStatus from, PublicityStatus to, String reasonZh,
                           String reasonEn) {
}
