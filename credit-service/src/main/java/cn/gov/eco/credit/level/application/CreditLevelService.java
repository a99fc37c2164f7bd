package cn.gov.eco.credit.level.application;

import cn.gov.eco.credit.level.application.LevelMessages.CaseOutcome;
import cn.gov.eco.credit.level.application.LevelMessages.PenaltyDecided;
import cn.gov.eco.credit.level.application.LevelMessages.PublicityState;
import cn.gov.eco.credit.level.application.LevelMessages.RepairDecision;
import cn.gov.eco.credit.level.infrastructure.CreditLevelRepository;
import cn.gov.eco.credit.level.infrastructure.CreditLevelRepository.Stored;
import cn.gov.eco.credit.level.model.EnterpriseCreditLevel;
import cn.gov.eco.credit.level.model.EnterpriseCreditLevel.Changed;
import cn.gov.eco.credit.level.model.LevelRules;
import cn.gov.eco.credit.level.model.SupervisionRules;
import cn.gov.eco.platform.publicity.SeverityTier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Keeps each enterprise's environmental credit level from the events that change it: penalties decided, revoked or
 * amended, rectification verified, repairs approved or revoked, the positive list; and the count of its published
 * records for the status snapshot. One document per enterprise, each change written with its events in one
 * version-guarded update; every handler is idempotent.
 */
public class CreditLevelService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> PUBLISHED = Set.of("PUBLISHED_MIN_RUNNING", "PUBLISHED_REPAIRABLE",
            "PUBLISHED_NON_REPAIRABLE", "REPUBLISHED");

    private final CreditLevelRepository levels;
    private final LevelRules rules;
    private final SupervisionRules supervision;
    private final Clock clock;

    public CreditLevelService(CreditLevelRepository levels, LevelRules rules, SupervisionRules supervision,
                              Clock clock) {
        this.levels = levels;
        this.rules = rules;
        this.supervision = supervision;
        this.clock = clock;
    }

    public LevelRules rules() {
        return rules;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    public void onPenaltyDecided(PenaltyDecided m) {
        apply(m.enterprise().uscc(), m.enterprise().name(), (l, now) -> l.penaltyDecided(m.caseId(),
                m.documentNumber(), m.decisionDate(), SeverityTier.valueOf(m.severityTier()), m.types(),
                m.violatedProvision(), m.facts(), m.enterprise().name(), rules, supervision, today(), now));
    }

    /** 两书同达 completed: the decision takes effect, and its penalty counts (DOMAIN.md §0.2). */
    public void onServed(LevelMessages.Served m) {
        apply(m.uscc(), m.enterpriseName(), (l, now) -> l.penaltyServed(m.caseId(), m.serviceAct().servedDate(),
                rules, supervision, today(), now));
    }

    public void onDecisionRevoked(CaseOutcome m) {
        apply(m.uscc(), null, (l, now) -> l.decisionRevoked(m.caseId(), rules, supervision, today(), now));
    }

    public void onDecisionAmended(CaseOutcome m) {
        apply(m.uscc(), null, (l, now) -> l.decisionAmended(m.caseId(),
                SeverityTier.valueOf(m.amended().severityTier()), m.amended().penaltyTypes(), rules, supervision,
                today(), now));
    }

    public void onRectificationVerified(CaseOutcome m) {
        apply(m.uscc(), null, (l, now) -> l.rectificationVerified(m.caseId(), m.verifiedDate(), rules, supervision,
                today(), now));
    }

    public void onRepairApproved(RepairDecision m) {
        apply(m.uscc(), null, (l, now) -> l.repairApproved(m.caseId(), m.applicationId(), rules, supervision,
                today(), now));
    }

    public void onRepairRevoked(RepairDecision m) {
        apply(m.uscc(), null, (l, now) -> l.repairRevoked(m.caseId(), m.applicationId(), rules, supervision,
                today(), now));
    }

    /** An application opened ({@code open}) or closed: counted in the enterprise's status. */
    public void onRepairApplication(LevelMessages.RepairApplicationState m, boolean open) {
        apply(m.uscc(), null, (l, now) -> l.repairApplication(m.applicationId(), open));
    }

    public void onPublicity(PublicityState m) {
        apply(m.uscc(), null, (l, now) -> l.publicity(m.recordId(), PUBLISHED.contains(m.status())));
    }

    public EnterpriseCreditLevel setPositiveList(String uscc, boolean onList, String reason, String actor) {
        return apply(uscc, null, (l, now) -> l.positiveList(onList, reason, actor, rules, supervision, today(), now));
    }

    public Optional<EnterpriseCreditLevel> find(String uscc) {
        return levels.find(uscc).map(Stored::level);
    }

    public EnterpriseCreditLevel unrated(String uscc) {
        return EnterpriseCreditLevel.unrated(uscc, null, rules, supervision);
    }

    private EnterpriseCreditLevel apply(String uscc, String name,
                                        BiFunction<EnterpriseCreditLevel, Instant, Changed> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Stored> stored = levels.find(uscc);
            EnterpriseCreditLevel before = stored.map(Stored::level)
                    .orElseGet(() -> EnterpriseCreditLevel.unrated(uscc, name, rules, supervision));
            Changed c = change.apply(before, clock.instant());
            if (c.level().equals(before)) {
                return before;
            }
            if (levels.save(stored.orElse(null), c.level(), c.events(), today())) {
                return c.level();
            }
        }
        throw new IllegalStateException("credit level of " + uscc + " kept changing; try again");
    }
}
