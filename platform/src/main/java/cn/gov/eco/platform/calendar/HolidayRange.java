package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A statutory holiday period (放假) from the State Council table, both ends inclusive. */
public record HolidayRange(LocalDate from, LocalDate to, String nameZh, String nameEn) {

    public HolidayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("holiday " + nameZh + " ends before it starts: " + from + ".." + to);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
