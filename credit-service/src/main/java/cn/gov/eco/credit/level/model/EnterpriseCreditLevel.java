package cn.gov.eco.credit.level.model;

import cn.gov.eco.credit.level.model.LevelChange.Reason;
import cn.gov.eco.platform.publicity.SeverityTier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * 企业环境信用等级 of one enterprise under dynamic evaluation (DOMAIN.md §8.3 EnterpriseCreditLevel): the score is
 * the start score less each counted penalty's deduction; a veto sets RED; a revoked penalty no longer counts; a
 * repaired penalty with verified rectification is restored as configured. The level changes on the event, not at the
 * annual review. Every change of score or level is in the history with its reason.
 *
 * @param openPublicityRecords   the enterprise's publicity records now published (read from credit.publicity.v1)
 * @param openRepairApplications the enterprise's repair applications now open — received, accepted or awaiting a
 *                               supplement (read from credit.repair.v1)
 */
public record EnterpriseCreditLevel(String uscc, String enterpriseName, CreditLevel level, BigDecimal score,
                                    boolean veto, boolean positiveList, Supervision supervision,
                                    List<CountedPenalty> penalties, Set<String> openPublicityRecords,
                                    List<LevelChange> history, Set<String> openRepairApplications) {

    public EnterpriseCreditLevel {
        Objects.requireNonNull(uscc);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
        openPublicityRecords = openPublicityRecords == null ? Set.of() : Set.copyOf(openPublicityRecords);
        history = history == null ? List.of() : List.copyOf(history);
        openRepairApplications = openRepairApplications == null ? Set.of() : Set.copyOf(openRepairApplications);
    }

    /** A change: the evaluation after it, and what it raised (empty when nothing changed). */
    public record Changed(EnterpriseCreditLevel level, List<LevelEvent> events) {
    }

    /** Not yet evaluated: no penalty counted, the start score, UNRATED until the first evaluation. */
    public static EnterpriseCreditLevel unrated(String uscc, String name, LevelRules rules, SupervisionRules sup) {
        return new EnterpriseCreditLevel(uscc, name, CreditLevel.UNRATED, rules.startScore().setScale(1,
                RoundingMode.HALF_UP), false, false, sup.of(CreditLevel.UNRATED, false), List.of(), Set.of(), List.of(), Set.of());
    }

    public Optional<CountedPenalty> penalty(String caseId) {
        return penalties.stream().filter(p -> p.caseId().equals(caseId)).findFirst();
    }

    /**
     * 闽环保总队〔2018〕67号: a penalty deducts points by severity; a veto sets RED. Idempotent per case. The penalty is
     * recorded at the decision but counts from its service (DOMAIN.md §0.2: a decision takes effect when served),
     * unless {@code credit.level.count-from-decision} says a provincial rule counts it from the decision.
     */
    public Changed penaltyDecided(String caseId, String documentNumber, LocalDate decisionDate, SeverityTier tier,
                                  List<String> types, String violatedProvision, String facts, String name,
                                  LevelRules rules, SupervisionRules sup, LocalDate today, Instant now) {
        if (penalty(caseId).map(CountedPenalty::decided).orElse(false)) {
            return new Changed(this, List.of());
        }
        String vetoReason = rules.veto(violatedProvision, facts, types).orElse(null);
        var decided = new CountedPenalty(caseId, true, documentNumber, decisionDate, tier, types,
                rules.deduction(tier, types), vetoReason, false, null, null, null);
        var withPenalty = withPenalty(caseId, p -> p.decide(decided), decided).named(name);
        return withPenalty.counted(this, withPenalty.penalty(caseId).orElseThrow(), rules, sup, today, now);
    }

    /**
     * 两书同达 completed: the decision is served and takes effect, and so do its credit consequences (DOMAIN.md §0.2).
     * A service that arrives before the decision (another topic, another pace) is kept until the decision arrives.
     */
    public Changed penaltyServed(String caseId, LocalDate servedDate, LevelRules rules, SupervisionRules sup,
                                 LocalDate today, Instant now) {
        var p = penalty(caseId);
        if (p.isPresent() && p.get().servedDate() != null) {
            return new Changed(this, List.of());
        }
        var after = withPenalty(caseId, x -> x.served(servedDate), CountedPenalty.unknown(caseId).served(servedDate));
        var served = after.penalty(caseId).orElseThrow();
        if (!served.decided()) {
            return new Changed(after, List.of());
        }
        return after.counted(this, served, rules, sup, today, now);
    }

    private Changed counted(EnterpriseCreditLevel before, CountedPenalty p, LevelRules rules, SupervisionRules sup,
                            LocalDate today, Instant now) {
        String number = p.documentNumber();
        boolean counts = p.counts(rules);
        Reason reason = p.vetoReason() != null ? Reason.VETO_VIOLATION : Reason.PENALTY_DECIDED;
        String since = p.servedDate() == null ? "" : "，" + p.servedDate() + "送达生效";
        String sinceEn = p.servedDate() == null ? "" : ", served and in effect on " + p.servedDate();
        String zh = !counts ? "行政处罚决定（" + number + "）已作出，自送达之日起计入信用评价"
                : p.vetoReason() != null ? "一票否决违法行为（" + p.vetoReason() + "，" + number + since + "），直接评为红色"
                : "行政处罚（" + p.tier().nameZh() + "失信，" + number + since + "）扣" + p.deduction() + "分";
        String en = !counts ? "penalty decision " + number + " recorded: counted from its service"
                : p.vetoReason() != null ? "one-vote veto violation (" + p.vetoReason() + ", " + number + sinceEn
                + "): RED"
                : "penalty (" + p.tier().name().toLowerCase() + " tier, " + number + sinceEn + "): " + p.deduction()
                + " points deducted";
        return reevaluate(before, reason, zh, en, p.caseId(), number, null, rules, sup, today, now);
    }

    /** 《行政处罚法》第四十八条 context: a revoked decision is recomputed out of the evaluation (§8.3). */
    public Changed decisionRevoked(String caseId, LevelRules rules, SupervisionRules sup, LocalDate today, Instant now) {
        var p = penalty(caseId);
        if (p.isEmpty() || p.get().revoked()) {
            return new Changed(this, List.of());
        }
        return withPenalty(caseId, CountedPenalty::revoke, null).reevaluate(this, Reason.DECISION_REVOKED,
                "处罚决定（" + p.get().documentNumber() + "）已撤销，不再计入评价",
                "decision " + p.get().documentNumber() + " revoked: no longer counted", caseId,
                p.get().documentNumber(), null, rules, sup, today, now);
    }

    /** The decision was changed: its deduction is recomputed from the amended tier and types. */
    public Changed decisionAmended(String caseId, SeverityTier tier, List<String> types, LevelRules rules,
                                   SupervisionRules sup, LocalDate today, Instant now) {
        var p = penalty(caseId);
        if (p.isEmpty() || !p.get().decided()) {
            return new Changed(this, List.of());
        }
        BigDecimal d = rules.deduction(tier, types);
        if (p.get().tier() == tier && p.get().deduction().compareTo(d) == 0) {
            return new Changed(this, List.of());
        }
        return withPenalty(caseId, x -> x.amend(tier, types, d), null).reevaluate(this, Reason.DECISION_AMENDED,
                "处罚决定（" + p.get().documentNumber() + "）已变更，按" + tier.nameZh() + "失信扣" + d + "分",
                "decision " + p.get().documentNumber() + " amended: " + d + " points", caseId,
                p.get().documentNumber(), null, rules, sup, today, now);
    }

    /** 整改完成核查: one of the two conditions of restoration. */
    public Changed rectificationVerified(String caseId, LocalDate on, LevelRules rules, SupervisionRules sup,
                                         LocalDate today, Instant now) {
        var p = penalty(caseId);
        if (p.isPresent() && p.get().rectificationVerified() != null) {
            return new Changed(this, List.of());
        }
        var after = withPenalty(caseId, x -> x.rectified(on), CountedPenalty.unknown(caseId).rectified(on));
        return after.reevaluateRestoration(this, caseId, rules, sup, today, now);
    }

    /** 22号: the repair was approved; with the rectification verified the level is re-evaluated upward. */
    public Changed repairApproved(String caseId, String applicationId, LevelRules rules, SupervisionRules sup,
                                  LocalDate today, Instant now) {
        var p = penalty(caseId);
        if (p.isPresent() && applicationId.equals(p.get().repairApplicationId())) {
            return new Changed(this, List.of());
        }
        var after = withPenalty(caseId, x -> x.repaired(applicationId),
                CountedPenalty.unknown(caseId).repaired(applicationId));
        return after.reevaluateRestoration(this, caseId, rules, sup, today, now);
    }

    /** The repair was revoked (false materials): the restoration is undone. */
    public Changed repairRevoked(String caseId, String applicationId, LevelRules rules, SupervisionRules sup,
                                 LocalDate today, Instant now) {
        var p = penalty(caseId);
        if (p.isEmpty() || !applicationId.equals(p.get().repairApplicationId())) {
            return new Changed(this, List.of());
        }
        return withPenalty(caseId, x -> x.repaired(null), null).reevaluate(this, Reason.REPAIR_REVOKED,
                "信用修复被撤销（" + p.get().documentNumber() + "），恢复扣分",
                "repair revoked (" + p.get().documentNumber() + "): deduction restored", caseId,
                p.get().documentNumber(), null, rules, sup, today, now);
    }

    /** 正面清单, set by the agency head: it lowers the inspection frequency (except for RED). */
    public Changed positiveList(boolean onList, String reason, String actor, LevelRules rules, SupervisionRules sup,
                                LocalDate today, Instant now) {
        if (onList == positiveList) {
            return new Changed(this, List.of());
        }
        var after = new EnterpriseCreditLevel(uscc, enterpriseName, level, score, veto, onList, supervision,
                penalties, openPublicityRecords, history, openRepairApplications);
        return after.reevaluate(this, Reason.POSITIVE_LIST, (onList ? "列入正面清单：" : "移出正面清单：") + reason,
                (onList ? "put on the positive list: " : "taken off the positive list: ") + reason, null, null, actor,
                rules, sup, today, now);
    }

    /** The set of published records changed (read from credit.publicity.v1): only the status snapshot changes. */
    public Changed publicity(String recordId, boolean published) {
        if (openPublicityRecords.contains(recordId) == published) {
            return new Changed(this, List.of());
        }
        Set<String> open = new LinkedHashSet<>(openPublicityRecords);
        if (published) {
            open.add(recordId);
        } else {
            open.remove(recordId);
        }
        return new Changed(new EnterpriseCreditLevel(uscc, enterpriseName, level, score, veto, positiveList,
                supervision, penalties, open, history, openRepairApplications), List.of(new LevelEvent.StatusChanged()));
    }

    /**
     * One of the enterprise's repair applications opened (received, accepted, supplement requested) or closed
     * (approved, denied, not accepted, withdrawn): the status dashboards read counts the open ones. Idempotent.
     */
    public Changed repairApplication(String applicationId, boolean open) {
        if (openRepairApplications.contains(applicationId) == open) {
            return new Changed(this, List.of());
        }
        Set<String> apps = new LinkedHashSet<>(openRepairApplications);
        if (open) {
            apps.add(applicationId);
        } else {
            apps.remove(applicationId);
        }
        return new Changed(new EnterpriseCreditLevel(uscc, enterpriseName, level, score, veto, positiveList,
                supervision, penalties, openPublicityRecords, history, apps), List.of(new LevelEvent.StatusChanged()));
    }

    private Changed reevaluateRestoration(EnterpriseCreditLevel before, String caseId, LevelRules rules,
                                          SupervisionRules sup, LocalDate today, Instant now) {
        var p = penalty(caseId).orElseThrow();
        boolean restoredNow = p.restored() && p.decided();
        return reevaluate(before, restoredNow ? Reason.REPAIR_RESTORED : Reason.RECTIFICATION_VERIFIED,
                restoredNow ? "信用修复已通过且整改已核查（" + p.documentNumber() + "），重新评价" : "整改已核查或修复已通过，待另一条件满足后恢复",
                restoredNow ? "repair approved and rectification verified (" + p.documentNumber() + "): re-evaluated"
                        : "one of the two restoration conditions met", caseId, p.documentNumber(), null, rules, sup,
                today, now);
    }

    /** Recomputes the score, the veto, the level and the supervision, and raises what changed. */
    private Changed reevaluate(EnterpriseCreditLevel before, Reason reason, String zh, String en, String caseId,
                               String documentNumber, String actor, LevelRules rules, SupervisionRules sup,
                               LocalDate today, Instant now) {
        BigDecimal newScore = rules.startScore();
        boolean newVeto = false;
        for (CountedPenalty p : penalties) {
            newScore = newScore.subtract(p.effectiveDeduction(rules));
            newVeto |= p.vetoes(rules);
        }
        newScore = newScore.max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
        boolean anyCounted = penalties.stream().anyMatch(p -> p.counts(rules));
        // An enterprise stays UNRATED until a penalty is counted (the annual evaluation is not modelled here).
        CreditLevel newLevel = anyCounted || before.level != CreditLevel.UNRATED ? rules.level(newScore, newVeto)
                : CreditLevel.UNRATED;
        Supervision newSup = sup.of(newLevel, positiveList);
        List<LevelEvent> events = new ArrayList<>();
        List<LevelChange> h = new ArrayList<>(history);
        boolean scoreChanged = newScore.compareTo(before.score) != 0 || newVeto != before.veto;
        LevelChange change = new LevelChange(now, today, reason, zh, en, caseId, documentNumber, before.level,
                newLevel, before.score, newScore, newVeto, actor);
        if (scoreChanged || newLevel != before.level || reason == Reason.POSITIVE_LIST) {
            h.add(change);
        }
        if (newLevel != before.level) {
            events.add(new LevelEvent.LevelChanged(change));
        }
        if (!newSup.equals(before.supervision)) {
            events.add(new LevelEvent.SupervisionChanged(before.supervision, newSup,
                    newLevel != before.level ? "信用等级由" + before.level.nameZh() + "变为" + newLevel.nameZh() : zh,
                    newLevel != before.level ? "credit level changed from " + before.level + " to " + newLevel : en));
        }
        var after = new EnterpriseCreditLevel(uscc, enterpriseName, newLevel, newScore, newVeto, positiveList,
                newSup, penalties, openPublicityRecords, h, openRepairApplications);
        if (newLevel != before.level || scoreChanged || !newSup.equals(before.supervision)) {
            events.add(new LevelEvent.StatusChanged());
        }
        return new Changed(after, events);
    }

    private EnterpriseCreditLevel withPenalty(String caseId, UnaryOperator<CountedPenalty> change,
                                              CountedPenalty ifAbsent) {
        Map<String, CountedPenalty> byCase = new LinkedHashMap<>();
        penalties.forEach(p -> byCase.put(p.caseId(), p));
        CountedPenalty existing = byCase.get(caseId);
        if (existing != null) {
            byCase.put(caseId, change.apply(existing));
        } else if (ifAbsent != null) {
            byCase.put(caseId, ifAbsent);
        }
        return new EnterpriseCreditLevel(uscc, enterpriseName, level, score, veto, positiveList, supervision,
                List.copyOf(byCase.values()), openPublicityRecords, history, openRepairApplications);
    }

    private EnterpriseCreditLevel named(String name) {
        return name == null || name.equals(enterpriseName) ? this : new EnterpriseCreditLevel(uscc, name, level,
                score, veto, positiveList, supervision, penalties, openPublicityRecords, history, openRepairApplications);
    }
}
