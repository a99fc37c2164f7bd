package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders one readable line per language from the data {@link WorkingDayCalendar#compute} recorded. The sentences
 * are for people (the portal, the printed notice): dates as people write them (2026年12月8日) and the legal source,
 * but not the internal calendar version, which stays in the derivation's data ({@code calendarVersion}).
 */
final class Sentences {

    private Sentences() {
    }

    /** 2026-12-08 → 2026年12月8日 */
    static String zhDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String zhRange(SkippedDays r) {
        return (r.from().equals(r.to()) ? zhDate(r.from()) : zhDate(r.from()) + "至" + zhDate(r.to())) + r.reasonZh();
    }

    static String zh(DateRule rule, String event, LocalDate start, List<SkippedDays> skipped,
                     List<CountedAdjustedWorkday> adjusted, LocalDate raw, RollForward roll, LocalDate result) {
        StringBuilder s = new StringBuilder();
        int n = Math.abs(rule.count());
        boolean backward = rule.count() < 0;
        if (backward) {
            s.append("以").append(zhDate(start)).append("（").append(event).append("）为基准向前推算").append(n).append(rule.unit().zh());
            s.append(rule.startDayExcluded() ? "（基准日不计入" : "（基准日计入");
        } else {
            s.append("自").append(zhDate(start)).append("（").append(event).append("）起算").append(n).append(rule.unit().zh());
            s.append(rule.startDayExcluded() ? "（起算日不计入" : "（起算日计入");
        }
        String counting = skipped.stream().filter(r -> r.phase() == SkippedDays.Phase.COUNTING)
                .map(Sentences::zhRange).collect(Collectors.joining("、"));
        if (!counting.isEmpty()) {
            s.append("，不计").append(counting);
        }
        if (!adjusted.isEmpty()) {
            s.append("，").append(adjusted.stream().map(a -> zhDate(a.date()) + a.holidayNameZh() + "调休上班")
                    .collect(Collectors.joining("、"))).append("计入工作日");
        }
        s.append("）");
        String endWord = backward ? "最迟日" : "届满日";
        if (roll == null) {
            s.append("，").append(endWord).append("为").append(zhDate(raw));
        } else if (roll.applied()) {
            s.append("，").append(endWord).append(zhDate(raw)).append("为").append(roll.reasonZh()).append("，顺延至").append(zhDate(result));
        } else {
            s.append("，").append(endWord).append("为").append(zhDate(raw)).append("（").append(roll.reasonZh())
                    .append("；按规则以原届满日为准，顺延日").append(zhDate(roll.to())).append("仅供参考）");
        }
        s.append("（").append(rule.legalSourceZh()).append("）。");
        return s.toString();
    }

    static String en(DateRule rule, String event, LocalDate start, List<SkippedDays> skipped,
                     List<CountedAdjustedWorkday> adjusted, LocalDate raw, RollForward roll, LocalDate result) {
        StringBuilder s = new StringBuilder();
        int n = Math.abs(rule.count());
        boolean backward = rule.count() < 0;
        s.append(n).append(' ').append(rule.unit().en()).append(backward ? " before " : " from ").append(start)
                .append(" (").append(event).append(")");
        s.append(rule.startDayExcluded() ? ", that day excluded" : ", that day counted");
        String counting = skipped.stream().filter(r -> r.phase() == SkippedDays.Phase.COUNTING)
                .map(r -> (r.from().equals(r.to()) ? r.from().toString() : r.from() + ".." + r.to()) + " " + r.reasonEn())
                .collect(Collectors.joining(", "));
        if (!counting.isEmpty()) {
            s.append("; skipped ").append(counting);
        }
        if (!adjusted.isEmpty()) {
            s.append("; counted ").append(adjusted.stream()
                    .map(a -> a.date() + " (adjusted working day for " + a.holidayNameEn() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (roll == null) {
            s.append(backward ? ": latest date " : ": ends on ").append(raw);
        } else if (roll.applied()) {
            s.append(": the last day ").append(raw).append(" is a rest day (").append(roll.reasonEn())
                    .append("), so the period ends on ").append(result);
        } else {
            s.append(": ends on ").append(raw).append(", a rest day (").append(roll.reasonEn())
                    .append("); the rule keeps that date, the next working day ").append(roll.to())
                    .append(" is for information only");
        }
        s.append(" (").append(rule.legalSourceEn()).append(").");
        return s.toString();
    }
}
