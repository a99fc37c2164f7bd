package cn.gov.eco.platform.calendar;

import java.util.Objects;

/**
 * A named statutory period: how to get from a start event to a date.
 *
 * @param id               stable rule id, e.g. {@code T10} (DOMAIN §8.4)
 * @param ruleSetId        the rule set the rule belongs to, e.g. {@code APL-2021}, {@code ORDER36}
 * @param ruleSetVersion   the version of that rule set (its effective date), e.g. {@code 2026-04-01}
 * @param count            number of units; negative means "N units before" the start date
 * @param startDayExcluded 民法典 Art. 201 / 民事诉讼法 Art. 85: the start day is not counted (true for every statute rule)
 * @param unverifiedNumber the count is [U] in DOMAIN.md: it must come from configuration ({@link #withCount})
 * @param interpretation   the rule (or part of it, e.g. the roll-forward) is our interpretation [I]
 * @param notes            why the flags are set, or what configuration changed
 */
public record DateRule(String id, String nameZh, String nameEn, String legalSourceZh, String legalSourceEn,
                       String ruleSetId, String ruleSetVersion, PeriodUnit unit, int count, boolean startDayExcluded,
                       RollForwardPolicy rollForward, boolean unverifiedNumber, boolean interpretation, String notes) {

    public DateRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(legalSourceZh, "legalSourceZh");
        Objects.requireNonNull(legalSourceEn, "legalSourceEn");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(rollForward, "rollForward");
        notes = notes == null ? "" : notes;
        if (count < 0 && rollForward != RollForwardPolicy.NONE) {
            // Rolling "forward" a latest-date-before would move it past the limit it protects.
            throw new IllegalArgumentException("rule " + id + ": a backward period cannot roll forward");
        }
    }

    /** The same rule with a configured count, e.g. to set a number DOMAIN.md marks [U]. */
    public DateRule withCount(int newCount) {
        if (newCount == count) {
            return this;
        }
        String changed = "count set by configuration: " + newCount + " (catalogue default " + count + ")";
        return new DateRule(id, nameZh, nameEn, legalSourceZh, legalSourceEn, ruleSetId, ruleSetVersion, unit, newCount,
                startDayExcluded, rollForward, unverifiedNumber, interpretation,
                notes.isEmpty() ? changed : notes + "; " + changed);
    }

    /** The same rule under another roll-forward policy (a setting for [I] roll-forwards). */
    public DateRule withRollForward(RollForwardPolicy policy) {
        return new DateRule(id, nameZh, nameEn, legalSourceZh, legalSourceEn, ruleSetId, ruleSetVersion, unit, count,
                startDayExcluded, policy, unverifiedNumber, interpretation, notes);
    }
}
