package cn.gov.eco.platform.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statutory holidays themselves (《全国年节及纪念日放假办法》 Art. 2), from which a <b>provisional year</b> is
 * derived for any year whose State Council notice (国务院办公厅部分节假日安排的通知) is not loaded: the statutory days
 * plus weekends, and no adjusted working days (调休 is unknown until the notice is published) [I] (DOMAIN §0.2).
 *
 * <p>The version in force on 1 January of the year applies:
 * <ul>
 *   <li>国务院令第795号 (in force 2025-01-01): 元旦 1; 春节 4 (农历除夕、正月初一至初三); 清明节 1; 劳动节 2 (5月1日、2日);
 *       端午节 1; 中秋节 1; 国庆节 3 (10月1日至3日);</li>
 *   <li>国务院令第644号 (in force 2014-01-01): 春节 3 (正月初一至初三), 劳动节 1 (5月1日), otherwise as above;</li>
 *   <li>国务院令第513号 (in force 2008-01-01): 春节 3 (农历除夕、正月初一、初二), 劳动节 1;</li>
 *   <li>国务院令第270号 (in force 1999-09-18), used for every earlier year: 元旦 1, 春节 3 (正月初一至初三),
 *       劳动节 3 (5月1日至3日), 国庆节 3; no 清明, 端午 or 中秋 holiday.</li>
 * </ul>
 *
 * <p>Lunar dates and the 清明 solar term come from a maintained library (6tail lunar-java, which follows the
 * 寿星天文历 algorithms), never from hand-written tables. ICU4J's {@code ChineseCalendar} was tried first and
 * rejected: its astronomy puts 正月初一 of 2027 on 02-07 (the new moon falls at 23:56 Beijing time on 02-06) and of
 * 2030 on 02-02, one day off in both cases.
 *
 * <p>A statutory day that falls on another (e.g. 中秋节 on 10月1日) is one rest day carrying both names: the
 * provisional year adds no compensating day, since the notice decides those (Art. 6 补假 and the bridging days are
 * exactly what a provisional year cannot know).
 */
public final class StatutoryHolidays {

    /** The version of the 放假办法 in force for a year. */
    public enum Version {
        ORDER_270("国务院令第270号", "State Council Order No. 270", LocalDate.of(1999, 9, 18)),
        ORDER_513("国务院令第513号", "State Council Order No. 513", LocalDate.of(2008, 1, 1)),
        ORDER_644("国务院令第644号", "State Council Order No. 644", LocalDate.of(2014, 1, 1)),
        ORDER_795("国务院令第795号", "State Council Order No. 795", LocalDate.of(2025, 1, 1));

        private final String zh;
        private final String en;
        private final LocalDate inForceFrom;

        Version(String zh, String en, LocalDate inForceFrom) {
            this.zh = zh;
            this.en = en;
            this.inForceFrom = inForceFrom;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }

        public LocalDate inForceFrom() {
            return inForceFrom;
        }

        public static Version forYear(int year) {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            Version result = ORDER_270;
            for (Version v : values()) {
                if (!jan1.isBefore(v.inForceFrom)) {
                    result = v;
                }
            }
            return result;
        }
    }

    /** Source id of every provisional year, e.g. {@code PROVISIONAL/国务院令第795号}. */
    public static final String PROVISIONAL_SOURCE_PREFIX = "PROVISIONAL/";

    /** Years the lunar library is asked about; outside them only the fixed-date holidays are known. */
    static final int LUNAR_FROM = 1901;
    static final int LUNAR_TO = 2199;

    private StatutoryHolidays() {
    }

    /** The provisional year: statutory holidays of the version in force, weekends, no 调休. */
    public static CalendarYear provisionalYear(int year) {
        Version version = Version.forYear(year);
        Map<LocalDate, String[]> days = new LinkedHashMap<>();
        add(days, LocalDate.of(year, 1, 1), 1, "元旦", "New Year's Day");
        boolean lunar = year >= LUNAR_FROM && year <= LUNAR_TO;
        if (lunar) {
            LocalDate newYear = lunar(year, 1, 1);
            switch (version) {
                case ORDER_795 -> add(days, newYear.minusDays(1), 4, "春节", "Spring Festival");
                case ORDER_513 -> add(days, newYear.minusDays(1), 3, "春节", "Spring Festival");
                default -> add(days, newYear, 3, "春节", "Spring Festival");
            }
            if (version != Version.ORDER_270) {
                add(days, qingming(year), 1, "清明节", "Qingming Festival");
                add(days, lunar(year, 5, 5), 1, "端午节", "Dragon Boat Festival");
                add(days, lunar(year, 8, 15), 1, "中秋节", "Mid-Autumn Festival");
            }
        }
        int labourDays = switch (version) {
            case ORDER_795 -> 2;
            case ORDER_270 -> 3;
            default -> 1;
        };
        add(days, LocalDate.of(year, 5, 1), labourDays, "劳动节", "Labour Day");
        add(days, LocalDate.of(year, 10, 1), 3, "国庆节", "National Day");

        List<HolidayRange> ranges = new ArrayList<>();
        days.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            HolidayRange last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && last.to().plusDays(1).equals(e.getKey()) && last.nameZh().equals(e.getValue()[0])) {
                ranges.set(ranges.size() - 1, new HolidayRange(last.from(), e.getKey(), last.nameZh(), last.nameEn()));
            } else {
                ranges.add(new HolidayRange(e.getKey(), e.getKey(), e.getValue()[0], e.getValue()[1]));
            }
        });
        String title = "按《全国年节及纪念日放假办法》（" + version.zh() + "）推算的法定节假日，周末休息，无调休"
                + (lunar ? "" : "（农历节日超出可推算范围，未计入）")
                + " / statutory holidays under " + version.en() + ", weekends, no adjusted working days";
        return new CalendarYear(year, PROVISIONAL_SOURCE_PREFIX + version.zh(), title, 0, true, ranges, List.of());
    }

    private static void add(Map<LocalDate, String[]> days, LocalDate first, int count, String zh, String en) {
        for (int i = 0; i < count; i++) {
            days.merge(first.plusDays(i), new String[] {zh, en},
                    (a, b) -> new String[] {a[0] + "、" + b[0], a[1] + " and " + b[1]});
        }
    }

    /** The Gregorian date of a (non-leap) lunar month and day in the lunar year that begins in {@code year}. */
    static LocalDate lunar(int year, int month, int day) {
        Solar s = Lunar.fromYmd(year, month, day).getSolar();
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
    }

    /** The day of the 清明 solar term (sun at ecliptic longitude 15°), Beijing time. */
    static LocalDate qingming(int year) {
        Solar s = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable().get("清明");
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
    }
}
