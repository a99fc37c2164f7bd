package cn.gov.eco.enforcement.calendar.model;

import cn.gov.eco.platform.calendar.CalendarRevisedV1;
import cn.gov.eco.platform.calendar.CalendarYear;
import java.time.Instant;
import java.util.Objects;

/**
 * A State Council holiday table (国务院办公厅部分节假日安排) loaded by one calendar administrator, taking effect only
 * when a second, different administrator approves it (a wrong table moves every deadline).
 *
 * @param year       the table as the calendar would load it (official, with its version)
 * @param source     the notice: document number, title, date, where it was read
 * @param proposedBy who loaded it
 */
public record YearProposal(CalendarYear year, CalendarRevisedV1.Source source, CalendarRevisedV1.Actor proposedBy,
                           Instant proposedAt, Status status, CalendarRevisedV1.Actor approvedBy, Instant approvedAt) {

    public enum Status {
        PROPOSED, APPROVED
    }

    public YearProposal {
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(status, "status");
    }

    public String id() {
        return id(year.year(), year.version());
    }

    public static String id(int year, int version) {
        return year + "-v" + version;
    }

    /** Four-eyes: the approver is not the administrator who loaded the table. */
    public boolean approvableBy(String userId) {
        return status == Status.PROPOSED && !proposedBy.userId().equals(userId);
    }

    public CalendarRevisedV1 revisedEvent() {
        return CalendarRevisedV1.of(year, source, proposedBy, proposedAt, approvedBy, approvedAt);
    }
}
