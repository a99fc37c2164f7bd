package cn.gov.eco.credit.level.infrastructure;

import cn.gov.eco.credit.level.model.CreditLevel;
import cn.gov.eco.credit.level.model.LevelRules;
import cn.gov.eco.credit.level.model.Supervision;
import cn.gov.eco.credit.level.model.SupervisionRules;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The credit-level settings ({@code credit.level.*}): the evaluation's numbers ([U] points, [V 2016] bands, [I]
 * restoration) and the supervision table by level (泉环执法函〔2025〕1号). See {@link LevelRules}.
 */
@ConfigurationProperties("credit.level")
public record CreditLevelProperties(BigDecimal startScore, BigDecimal greenFrom, BigDecimal blueFrom,
                                    BigDecimal yellowFrom, Map<SeverityTier, BigDecimal> deductionByTier,
                                    Map<String, BigDecimal> deductionByPenaltyType, List<String> vetoKeywords,
                                    List<String> vetoProvisions, List<String> vetoPenaltyTypes,
                                    BigDecimal repairRestoreFactor, boolean vetoLiftedByRepair,
                                    boolean countFromDecision,
                                    Map<CreditLevel, SupervisionSetting> supervision,
                                    SupervisionSetting positiveList) {

    /** One row of the supervision table. */
    public record SupervisionSetting(String inspectionFrequencyZh, String inspectionFrequencyEn,
                                     int maxOnSiteInspections, int perMonths, boolean onSiteAssistanceQuarterly,
                                     boolean repairFastLane) {
    }

    public LevelRules levelRules() {
        return new LevelRules(startScore, greenFrom, blueFrom, yellowFrom, deductionByTier, deductionByPenaltyType,
                vetoKeywords, vetoProvisions, vetoPenaltyTypes, repairRestoreFactor, vetoLiftedByRepair,
                countFromDecision);
    }

    public SupervisionRules supervisionRules() {
        Map<CreditLevel, Supervision> byLevel = new EnumMap<>(CreditLevel.class);
        if (supervision != null) {
            supervision.forEach((level, s) -> byLevel.put(level, of(level.name(), level, false, s)));
        }
        return new SupervisionRules(byLevel, of("POSITIVE_LIST", CreditLevel.UNRATED, true, positiveList));
    }

    private static Supervision of(String tier, CreditLevel level, boolean positive, SupervisionSetting s) {
        if (s == null) {
            throw new IllegalStateException("credit.level: supervision setting missing for " + tier);
        }
        return new Supervision(tier, level, positive, s.inspectionFrequencyZh(), s.inspectionFrequencyEn(),
                s.maxOnSiteInspections(), s.perMonths(), s.onSiteAssistanceQuarterly(), s.repairFastLane());
    }
}
