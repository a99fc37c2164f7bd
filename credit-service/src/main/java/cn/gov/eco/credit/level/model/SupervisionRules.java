package cn.gov.eco.credit.level.model;

import java.util.Map;
import java.util.Objects;

/**
 * Supervision by level and positive list (泉环执法函〔2025〕1号, as quoted in DOMAIN.md §5; not re-verified): 正面清单
 * ≤ 1 on-site check a year; 良好 ≤ 1 per half-year; ordinary or unrated ≤ 1 per quarter; 不良 one 驻点帮扶 visit per
 * quarter and the repair fast lane. The table is configuration. The positive list does not shelter a RED enterprise.
 */
public record SupervisionRules(Map<CreditLevel, Supervision> byLevel, Supervision positiveList) {

    public SupervisionRules {
        byLevel = Map.copyOf(byLevel);
        Objects.requireNonNull(positiveList, "positiveList");
        for (CreditLevel l : CreditLevel.values()) {
            if (!byLevel.containsKey(l)) {
                throw new IllegalArgumentException("no supervision configured for level " + l);
            }
        }
    }

    public Supervision of(CreditLevel level, boolean onPositiveList) {
        if (onPositiveList && level != CreditLevel.RED) {
            Supervision p = positiveList;
            return new Supervision(p.tier(), level, true, p.inspectionFrequencyZh(), p.inspectionFrequencyEn(),
                    p.maxOnSiteInspections(), p.perMonths(), p.onSiteAssistanceQuarterly(), p.repairFastLane());
        }
        Supervision s = byLevel.get(level);
        return new Supervision(s.tier(), level, onPositiveList, s.inspectionFrequencyZh(), s.inspectionFrequencyEn(),
                s.maxOnSiteInspections(), s.perMonths(), s.onSiteAssistanceQuarterly(), s.repairFastLane());
    }
}
