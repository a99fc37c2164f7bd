package cn.gov.eco.platform.publicity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Publicity periods of penalty information by tier, in months from the decision date, for one rule set. These
 * are parameters, not constants: sector authorities set the classification and laws may set longer periods.
 *
 * @param minorMaxMonths null when the rule set has no minor tier
 * @param unverified     the numbers are [U] in DOMAIN.md (Order 58: article text not retrieved)
 */
public record PublicityPeriodParameters(String ruleSetId, String ruleSetVersion, LocalDate effectiveFrom,
                                        String legalSourceZh, String legalSourceEn, Integer minorMaxMonths,
                                        int generalMinMonths, int generalMaxMonths, int seriousMinMonths,
                                        int seriousMaxMonths, boolean unverified) {

    public PublicityPeriodParameters {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (generalMinMonths > generalMaxMonths || seriousMinMonths > seriousMaxMonths) {
            throw new IllegalArgumentException("minimum publicity period longer than the maximum in " + ruleSetId);
        }
    }

    // 国办发〔2025〕22号 item 二; NDRC Order No. 36 (2025), effective 2026-04-01: minor ≤3 months, general 3–12, serious 12–36.
    public static final PublicityPeriodParameters ORDER36_DEFAULT = new PublicityPeriodParameters("NDRC-ORDER-36", "2026-04-01",
            LocalDate.of(2026, 4, 1), "《信用修复管理办法》（国家发展改革委令2025年第36号）；国办发〔2025〕22号",
            "NDRC Order No. 36 (2025); State Council General Office Document [2025] No. 22",
            3, 3, 12, 12, 36, false);

    // NDRC Order No. 58 (2023-05-01 → 2026-03-31): general 3–12, serious 12–36 months [U].
    public static final PublicityPeriodParameters ORDER58_DEFAULT = new PublicityPeriodParameters("NDRC-ORDER-58", "2023-05-01",
            LocalDate.of(2023, 5, 1), "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令第58号）",
            "NDRC Order No. 58 (2023)", null, 3, 12, 12, 36, true);
}
