package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.credit.publicity.model.ClassificationRules;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * credit-service's publicity settings ({@code credit.publicity.*}). The periods themselves are the platform's rule
 * sets ({@code platform.publicity.rule-sets}); these are the classification lists, which DOMAIN.md leaves to the
 * sector and local rules.
 *
 * @param tierByPenaltyType [I] T26: a penalty type's tier when it is longer than the decision's
 * @param sectorRules       minor-tier publication by sector rule (22号 item 二)
 * @param nonRepairable     泉州 特定严重失信 (T27) [U which violations]
 * @param scheduler         how often the time-driven transitions are checked, and the claim lease
 */
@ConfigurationProperties("credit.publicity")
public record CreditPublicityProperties(Map<String, SeverityTier> tierByPenaltyType,
                                        List<ClassificationRules.SectorRule> sectorRules,
                                        ClassificationRules.NonRepairableRule nonRepairable, Scheduler scheduler) {

    public CreditPublicityProperties {
        scheduler = scheduler == null ? new Scheduler(null, null) : scheduler;
    }

    public ClassificationRules rules() {
        return new ClassificationRules(tierByPenaltyType, sectorRules, nonRepairable);
    }

    public record Scheduler(Duration interval, Duration lease) {
        public Scheduler {
            interval = interval == null ? Duration.ofMinutes(1) : interval;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
        }
    }
}
