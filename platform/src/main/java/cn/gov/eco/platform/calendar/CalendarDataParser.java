package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated calendar data (format described at the top of {@code calendar/cn-state-council.tsv}).
 * A plain format keeps the domain kernel free of JSON libraries; a bad line fails loudly with its number.
 */
final class CalendarDataParser {

    private CalendarDataParser() {
    }

    static WorkingDayCalendar parse(String text) {
        Parsed p = parseAll(text);
        if (p.version() == null) {
            throw new IllegalArgumentException("calendar data has no version line");
        }
        return new WorkingDayCalendar(p.version(), p.years());
    }

    /** The year blocks of a text in the same format; the version line is optional here. */
    static List<CalendarYear> parseYears(String text) {
        return parseAll(text).years();
    }

    private record Parsed(String version, List<CalendarYear> years) {
    }

    private static Parsed parseAll(String text) {
        String version = null;
        List<CalendarYear> years = new ArrayList<>();
        Integer year = null;
        String sourceId = null;
        String sourceTitle = null;
        int yearVersion = 1;
        List<HolidayRange> holidays = new ArrayList<>();
        List<AdjustedWorkday> adjusted = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                switch (f[0]) {
                    case "version" -> version = field(f, 1);
                    case "year" -> {
                        if (year != null) {
                            years.add(new CalendarYear(year, sourceId, sourceTitle, yearVersion, false, holidays, adjusted));
                        }
                        year = Integer.parseInt(field(f, 1));
                        sourceId = field(f, 2);
                        sourceTitle = f.length > 3 ? f[3] : "";
                        yearVersion = f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].strip()) : 1;
                        holidays = new ArrayList<>();
                        adjusted = new ArrayList<>();
                    }
                    case "holiday" -> {
                        HolidayRange h = new HolidayRange(LocalDate.parse(field(f, 1)), LocalDate.parse(field(f, 2)),
                                field(f, 3), field(f, 4));
                        requireYear(year, h.from().getYear() == year || h.to().getYear() == year);
                        holidays.add(h);
                    }
                    case "adjusted" -> {
                        AdjustedWorkday a = new AdjustedWorkday(LocalDate.parse(field(f, 1)), field(f, 2), field(f, 3));
                        // a notice may move a weekend of the year before (e.g. 2018-12-29 in the 2019 notice)
                        requireYear(year, a.date().getYear() == year || a.date().getYear() == year - 1);
                        adjusted.add(a);
                    }
                    default -> throw new IllegalArgumentException("unknown record type '" + f[0] + "'");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("calendar data line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (year != null) {
            years.add(new CalendarYear(year, sourceId, sourceTitle, yearVersion, false, holidays, adjusted));
        }
        return new Parsed(version, years);
    }

    private static void requireYear(Integer year, boolean inYear) {
        if (year == null || !inYear) {
            throw new IllegalArgumentException("entry outside its 'year' block");
        }
    }

    private static String field(String[] f, int i) {
        if (f.length <= i || f[i].isBlank()) {
            throw new IllegalArgumentException("missing field " + i);
        }
        return f[i].strip();
    }
}
