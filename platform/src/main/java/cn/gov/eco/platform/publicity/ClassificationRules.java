package cn.gov.eco.platform.publicity;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classification of a decision for publicity (DOMAIN.md §4.1, §8.4 T23–T27). Every list here is configuration:
 * no national environmental classification standard was found (DOMAIN.md §0.1, §10 item 2), so sector and local
 * rules are settings.
 *
 * @param tierByPenaltyType   [I] tier implied by a penalty type (e.g. 吊销许可证件 → serious); a decision with several
 *                            types gets the longest applicable period (T26: 泉州; 深圳)
 * @param sectorRules         sector rules on minor information (22号 item 二: each sector authority sets its own);
 *                            the first whose penalty types match decides; none → the platform default
 * @param nonRepairable       泉州 特定严重失信 (T27): which decisions may not be repaired for the whole period [U list]
 */
public record ClassificationRules(Map<String, SeverityTier> tierByPenaltyType, List<SectorRule> sectorRules,
                                  NonRepairableRule nonRepairable) {

    public ClassificationRules {
        tierByPenaltyType = tierByPenaltyType == null ? Map.of() : Map.copyOf(tierByPenaltyType);
        sectorRules = sectorRules == null ? List.of() : List.copyOf(sectorRules);
        nonRepairable = nonRepairable == null ? NonRepairableRule.NONE : nonRepairable;
    }

    /**
     * @param penaltyTypes an empty set matches every decision
     */
    public record SectorRule(String id, String nameZh, Set<String> penaltyTypes, boolean publishMinorTier) {
        public SectorRule {
            penaltyTypes = penaltyTypes == null ? Set.of() : Set.copyOf(penaltyTypes);
        }

        boolean matches(Collection<String> types) {
            return penaltyTypes.isEmpty() || types.stream().anyMatch(penaltyTypes::contains);
        }
    }

    /**
     * 泉州市生态环境系统行政处罚信息信用修复暂行规定: "特定严重失信行为" information is not repairable during its
     * 3-year publicity [V: hbsb.xny365.com]; which behaviours qualify was not read (DOMAIN.md §10 item 4) [U].
     *
     * @param tiers        the applied tiers that can qualify (normally only SERIOUS)
     * @param penaltyTypes a decision with any of these types qualifies
     */
    public record NonRepairableRule(Set<SeverityTier> tiers, Set<String> penaltyTypes, String reasonZh,
                                    String reasonEn) {
        public static final NonRepairableRule NONE = new NonRepairableRule(Set.of(), Set.of(), null, null);

        public NonRepairableRule {
            tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
            penaltyTypes = penaltyTypes == null ? Set.of() : Set.copyOf(penaltyTypes);
        }

        boolean applies(SeverityTier tier, Collection<String> types) {
            return tiers.contains(tier) && types.stream().anyMatch(penaltyTypes::contains);
        }
    }

    /**
     * The one classification (DOMAIN.md §4.1, T23–T27): the declared tier and each penalty type's tier, the longest
     * period wins (T26); the sector rule on minor information; the rule set in force on the decision date; the
     * non-repairable flag — designated on the decision, or by a configured rule. Only {@link PublicityClassifier}
     * calls it, once per decision, in case-service.
     */
    ClassifiedPlan classify(PublicityPeriods periods, SeverityTier declared, List<String> penaltyTypes,
                            LocalDate decisionDate, boolean publishMinorByDefault,
                            NonRepairableDesignation designation) {
        List<String> types = penaltyTypes == null ? List.of() : penaltyTypes;
        SectorRule sector = sectorRules.stream().filter(r -> r.matches(types)).findFirst().orElse(null);
        boolean publishMinor = sector == null ? publishMinorByDefault : sector.publishMinorTier();
        // T26: every tier that applies — the declared one and each penalty type's — and the longest period wins.
        record Candidate(SeverityTier tier, String type, PublicityPlan plan) {
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(declared, null, periods.plan(declared, decisionDate, publishMinor)));
        for (String t : types) {
            SeverityTier implied = tierByPenaltyType.get(t);
            if (implied != null && implied != declared) {
                candidates.add(new Candidate(implied, t, periods.plan(implied, decisionDate, publishMinor)));
            }
        }
        Candidate longest = candidates.stream().max(Comparator
                .comparing((Candidate c) -> c.plan().published())
                .thenComparing(c -> c.plan().maxPeriodEnd() == null ? LocalDate.MIN : c.plan().maxPeriodEnd().date())
                .thenComparing(c -> c.plan().minPeriodEnd() == null ? LocalDate.MIN : c.plan().minPeriodEnd().date()))
                .orElseThrow();
        Classification classification;
        if (designation != null) {
            classification = new Classification(declared, longest.tier(), types, longest.type(),
                    sector == null ? null : sector.id(), publishMinor, true, designation.reasonZh(),
                    "designated non-repairable on the decision: " + designation.legalBasis(),
                    Classification.BY_DECISION, designation.legalBasis());
        } else {
            boolean byRule = nonRepairable.applies(longest.tier(), types);
            classification = new Classification(declared, longest.tier(), types, longest.type(),
                    sector == null ? null : sector.id(), publishMinor, byRule,
                    byRule ? nonRepairable.reasonZh() : null, byRule ? nonRepairable.reasonEn() : null,
                    byRule ? Classification.BY_RULE : null, null);
        }
        return new ClassifiedPlan(classification, longest.plan());
    }
}
