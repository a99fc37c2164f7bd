package cn.gov.eco.enforcement.calendar.model;

import cn.gov.eco.platform.calendar.CalendarYear;
import cn.gov.eco.platform.calendar.HolidayRange;
import cn.gov.eco.platform.calendar.StatutoryHolidays;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.web.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a holiday table passes before it can even be proposed: it is self-consistent (no day declared twice,
 * adjusted working days on weekends, entries in the year or the last days of the year before), and it gives every
 * statutory holiday of 《全国年节及纪念日放假办法》 as a rest day — a notice never takes one away, so a table that
 * misses one is mistyped.
 */
public final class YearProposalRules {

    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2199;

    private YearProposalRules() {
    }

    public static List<Violation> check(CalendarYear y) {
        List<Violation> v = new ArrayList<>();
        try {
            new WorkingDayCalendar("check", List.of(y));
        } catch (IllegalArgumentException e) {
            v.add(new Violation("holidays", "CALENDAR_INCONSISTENT", "节假日安排自相矛盾：" + e.getMessage(),
                    "The holiday table is inconsistent: " + e.getMessage()));
            return v;
        }
        Set<LocalDate> rest = new HashSet<>();
        for (HolidayRange h : y.holidays()) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                rest.add(d);
            }
        }
        List<LocalDate> missing = new ArrayList<>();
        for (HolidayRange h : StatutoryHolidays.provisionalYear(y.year()).holidays()) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                if (!rest.contains(d)) {
                    missing.add(d);
                }
            }
        }
        if (!missing.isEmpty()) {
            v.add(new Violation("holidays", "STATUTORY_HOLIDAY_MISSING",
                    "法定节假日未列为放假日：" + missing + "（《全国年节及纪念日放假办法》第二条）",
                    "Statutory holidays missing from the table: " + missing + " (Holiday Measures Art. 2)"));
        }
        return v;
    }
}
