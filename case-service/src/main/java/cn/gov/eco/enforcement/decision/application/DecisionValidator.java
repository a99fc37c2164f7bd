package cn.gov.eco.enforcement.decision.application;

import cn.gov.eco.platform.identity.UsccStatus;
import cn.gov.eco.enforcement.casefile.model.Discretion;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.enforcement.casefile.model.CaseRules;
import cn.gov.eco.enforcement.casefile.model.Gates;
import cn.gov.eco.enforcement.casefile.model.ProposedPenalty;
import cn.gov.eco.enforcement.casefile.model.Trigger;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.identity.DocumentNumber;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccWhitelist;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.platform.web.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a decision before it is recorded (DOMAIN.md §8.5): the USCC (GB 32100-2015), the document number
 * (GB/T 9704-2012 form, issued strictly), amounts as fen-exact CNY greater than zero, dates. Every fault is
 * collected, so the officer sees all of them at once.
 */
public class DecisionValidator {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99"); // decimal(18,2), DOMAIN.md §8.5.2

    /** 行政处罚法 (1996) 第六十四条: in force from 1996-10-01; no decision under it is older. */
    static final java.time.LocalDate PENALTY_LAW_IN_FORCE = java.time.LocalDate.of(1996, 10, 1);

    private final WorkingDayCalendar calendar;
    private final UsccWhitelist whitelist;
    private final CaseRules rules;

    public DecisionValidator(WorkingDayCalendar calendar, UsccWhitelist whitelist) {
        this(calendar, whitelist, CaseRules.defaults());
    }

    /** @param rules the thresholds of the case flow's gates, which a registered decision must attest to */
    public DecisionValidator(WorkingDayCalendar calendar, UsccWhitelist whitelist, CaseRules rules) {
        this.calendar = calendar;
        this.whitelist = whitelist;
        this.rules = rules;
    }

    /** The result: violations (nothing may be stored if any), and warnings that do not block. */
    /** @param usccStatus the USCC's status: VALID, MANUALLY_VERIFIED or NEEDS_MANUAL_VERIFICATION */
    public record Outcome(List<Violation> violations, List<Violation> warnings, String normalisedUscc,
                          String documentNumber, String usccStatus) {
    }

    public Outcome validate(RecordDecisionRequest r, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        List<Violation> w = new ArrayList<>();
        String uscc = null;
        String usccStatus = null;
        String number = null;
        if (r.enterprise() == null) {
            v.add(required("enterprise", "当事人", "the party (enterprise)"));
        } else {
            var e = r.enterprise();
            if (blank(e.uscc())) {
                v.add(required("enterprise.uscc", "统一社会信用代码", "the unified social credit code"));
            } else {
                UsccCheck check = Uscc.check(e.uscc(), whitelist);
                if (check.accepted()) {
                    uscc = check.normalized();
                    usccStatus = check.status().name();
                } else if (check.status() == UsccStatus.NEEDS_MANUAL_VERIFICATION) {
                    // DOMAIN.md §6: real codes that fail the check character are in circulation — accepted with a
                    // warning, recorded as NEEDS_MANUAL_VERIFICATION and queued for an officer to confirm
                    uscc = check.normalized();
                    usccStatus = check.status().name();
                    check.violations().forEach(x -> w.add(new Violation("enterprise.uscc", x.code(),
                            x.messageZh() + "；已受理并列入人工核验清单",
                            x.messageEn() + "; accepted and queued for an officer to verify against the registry")));
                } else {
                    check.violations().forEach(x -> v.add(new Violation("enterprise.uscc", x.code(), x.messageZh(),
                            x.messageEn())));
                }
                check.warnings().forEach(x -> w.add(new Violation("enterprise.uscc", x.code(), x.messageZh(),
                        x.messageEn())));
            }
            text(v, "enterprise.name", e.name(), 200, "当事人名称", "the party's name");
            text(v, "enterprise.address", e.address(), 300, "当事人地址", "the party's address");
        }
        if (blank(r.documentNumber())) {
            v.add(required("documentNumber", "决定书文号", "the decision's document number"));
        } else {
            var parsed = DocumentNumber.checkIssued(r.documentNumber());
            if (!parsed.valid()) {
                parsed.violations().forEach(x ->
                        v.add(new Violation("documentNumber", x.code(), x.messageZh(), x.messageEn())));
            } else {
                number = parsed.number().format();
                if (r.decisionDate() != null) {
                    parsed.number().yearMismatchWarning(r.decisionDate()).ifPresent(x ->
                            w.add(new Violation("documentNumber", x.code(), x.messageZh(), x.messageEn())));
                }
            }
        }
        if (r.decisionDate() == null) {
            v.add(required("decisionDate", "决定日期", "the decision date"));
        } else if (r.decisionDate().isAfter(today)) {
            v.add(new Violation("decisionDate", "DATE_IN_FUTURE", "决定日期不能晚于今天（" + today + "）",
                    "The decision date cannot be after today (" + today + ")"));
        } else if (r.decisionDate().isBefore(PENALTY_LAW_IN_FORCE)) {
            // any year since is registrable (存量案件录入): publicity periods are month counts, and working-day rules
            // fall back on a provisional year where no holiday table is loaded (DOMAIN §0.2)
            v.add(new Violation("decisionDate", "DATE_BEFORE_PENALTY_LAW",
                    "决定日期不能早于《中华人民共和国行政处罚法》施行日（" + PENALTY_LAW_IN_FORCE + "）",
                    "The decision date cannot be before the Administrative Penalty Law took effect ("
                            + PENALTY_LAW_IN_FORCE + ")"));
        }
        penalties(r, v);
        if (blank(r.severityTier())) {
            v.add(required("severityTier", "失信程度", "the severity tier"));
        } else if (Arrays.stream(SeverityTier.values()).noneMatch(t -> t.name().equals(r.severityTier()))) {
            v.add(new Violation("severityTier", "UNKNOWN_SEVERITY_TIER", "失信程度须为 MINOR、GENERAL 或 SERIOUS",
                    "The severity tier must be MINOR, GENERAL or SERIOUS"));
        }
        text(v, "facts", r.facts(), 20_000, "违法事实", "the facts of the violation");
        text(v, "violatedProvision", r.violatedProvision(), 2_000, "违反的法律规定", "the provision violated");
        text(v, "penaltyBasisProvision", r.penaltyBasisProvision(), 2_000, "处罚依据", "the legal basis of the penalty");
        text(v, "issuingAgency", r.issuingAgency(), 200, "作出决定的行政机关", "the issuing agency");
        nonRepairable(r, v);
        if (v.isEmpty()) {
            gates(r, v);
            statutoryRange(r, v);
        }
        return new Outcome(v, w, uscc, number, usccStatus);
    }

    /**
     * DOMAIN.md §8.5.2, §0.2: the fine lies inside the statutory range of the provision cited (the legal-basis table,
     * {@code enforcement.case-flow.legal-basis}, [U] until legal confirms each line); 从轻 stays inside it; below the
     * minimum only as 减轻处罚 flagged with its ground (《行政处罚法》第三十二条). The same check as the case flow's.
     */
    private void statutoryRange(RecordDecisionRequest r, List<Violation> v) {
        List<ProposedPenalty> penalties = r.penalties().stream().map(p -> new ProposedPenalty(
                PenaltyType.valueOf(p.type()), p.amount(), p.description())).toList();
        Discretion.check(penalties, r.penaltyBasisProvision(), r.mitigation(), rules)
                .forEach(e -> v.add(e.violation()));
    }

    /** 特定严重失信 designated on the decision: its legal basis and the reason the notice prints are required. */
    private static void nonRepairable(RecordDecisionRequest r, List<Violation> v) {
        var n = r.nonRepairable();
        if (n == null) {
            return;
        }
        text(v, "nonRepairable.legalBasis", n.legalBasis(), 500, "不予修复（特定严重失信）的依据",
                "the legal basis of the non-repairable designation");
        text(v, "nonRepairable.reasonZh", n.reasonZh(), 1_000, "不予修复的理由", "the reason it cannot be repaired");
    }

    /**
     * [I] 特定严重失信 is a serious breach: a decision whose publicity tier (as classified) is not SERIOUS cannot be
     * designated non-repairable. Checked after the one classification, before anything is written.
     */
    public static void nonRepairableTier(boolean designated, ClassifiedPlan plan) {
        if (designated && plan.classification().appliedTier() != SeverityTier.SERIOUS) {
            throw new InvalidInputException(List.of(new Violation("nonRepairable", "NON_REPAIRABLE_REQUIRES_SERIOUS",
                    "只有严重失信信息可以认定为特定严重失信、公示期内不予修复；本决定的失信程度为"
                            + plan.classification().appliedTier().nameZh(),
                    "Only serious information can be designated non-repairable (specified serious breach); this "
                            + "decision's tier is " + plan.classification().appliedTier())));
        }
    }

    /**
     * A decision registered from outside the system goes through the same gates as one made in it: when the decision
     * submitted triggers the hearing right (行政处罚法 第六十三条), legal review (第五十八条) or collective discussion
     * (第五十七条第二款), the registration must attest that the step took place before the decision date.
     */
    private void gates(RecordDecisionRequest r, List<Violation> v) {
        List<ProposedPenalty> penalties = r.penalties().stream().map(p -> new ProposedPenalty(
                PenaltyType.valueOf(p.type()), p.amount(), p.description())).toList();
        LocalDate decided = r.decisionDate();
        var hearing = r.hearingRight();
        List<Trigger> hearingTriggers = Gates.hearingRight(penalties, false, rules);
        boolean hearingHeld = hearing != null && "HELD".equals(hearing.outcome());
        if (hearing != null && (hearing.offeredOn() == null || hearing.offeredOn().isAfter(decided)
                || !List.of("HELD", "WAIVED", "NOT_REQUESTED").contains(String.valueOf(hearing.outcome())))) {
            v.add(new Violation("hearingRight", "HEARING_RIGHT_ATTESTATION_INVALID",
                    "听证权利告知须写明告知日期（不晚于决定日期）及结果 HELD、WAIVED 或 NOT_REQUESTED",
                    "The hearing-right attestation needs the date offered (not after the decision) and the outcome "
                            + "HELD, WAIVED or NOT_REQUESTED"));
        } else if (!hearingTriggers.isEmpty() && hearing == null) {
            v.add(new Violation("hearingRight", "HEARING_RIGHT_ATTESTATION_REQUIRED",
                    "该决定属于听证范围（" + zh(hearingTriggers) + "），须写明听证权利的告知日期及结果（《行政处罚法》第六十三条、第六十四条）",
                    "The decision owes a hearing right (" + en(hearingTriggers) + "): state when it was offered and "
                            + "the outcome (Administrative Penalty Law Art. 63, 64)"));
        }
        List<Trigger> legal = Gates.legalReview(penalties, new Gates.CaseFacts(false, false, false, hearingHeld, false),
                rules);
        var review = r.legalReview();
        if (!legal.isEmpty() && (review == null || review.passedOn() == null || review.passedOn().isAfter(decided)
                || review.reviewer() == null || review.reviewer().isBlank())) {
            v.add(new Violation("legalReview", "LEGAL_REVIEW_ATTESTATION_REQUIRED",
                    "该决定须经法制审核（" + zh(legal) + "），须写明审核通过日期（不晚于决定日期）及审核人员（《行政处罚法》第五十八条）",
                    "The decision needs a passed legal review (" + en(legal) + "): state the date it passed (not after "
                            + "the decision) and the reviewer (Administrative Penalty Law Art. 58)"));
        }
        List<Trigger> discuss = Gates.deliberation(penalties, new Gates.CaseFacts(false, false, false, hearingHeld,
                false), rules);
        var minutes = r.collectiveDiscussion();
        if (!discuss.isEmpty() && (minutes == null || minutes.minutesReference() == null
                || minutes.minutesReference().isBlank() || (minutes.heldOn() != null && minutes.heldOn().isAfter(decided)))) {
            v.add(new Violation("collectiveDiscussion", "MINUTES_ATTESTATION_REQUIRED",
                    "该决定须经负责人集体讨论（" + zh(discuss) + "），须写明集体讨论记录编号（《行政处罚法》第五十七条第二款）",
                    "The decision needs the heads' collective discussion (" + en(discuss) + "): state the minutes' "
                            + "reference (Administrative Penalty Law Art. 57(2))"));
        }
    }

    private static String zh(List<Trigger> t) {
        return String.join("；", t.stream().map(Trigger::descriptionZh).toList());
    }

    private static String en(List<Trigger> t) {
        return String.join("; ", t.stream().map(Trigger::descriptionEn).toList());
    }

    private void penalties(RecordDecisionRequest r, List<Violation> v) {
        if (r.penalties() == null || r.penalties().isEmpty()) {
            v.add(required("penalties", "处罚种类", "at least one penalty"));
            return;
        }
        for (int i = 0; i < r.penalties().size(); i++) {
            var p = r.penalties().get(i);
            String f = "penalties[" + i + "]";
            if (p == null || blank(p.type())) {
                v.add(required(f + ".type", "处罚种类", "the penalty type"));
                continue;
            }
            PenaltyType type;
            try {
                type = PenaltyType.valueOf(p.type());
            } catch (IllegalArgumentException e) {
                v.add(new Violation(f + ".type", "UNKNOWN_PENALTY_TYPE", "不是《行政处罚法》第九条规定的处罚种类：" + p.type(),
                        "Not a penalty type of Art. 9 of the Administrative Penalty Law: " + p.type()));
                continue;
            }
            BigDecimal amount = p.amount();
            if (amount == null) {
                if (type.amountRule() == PenaltyType.AmountRule.REQUIRED) {
                    v.add(required(f + ".amount", type.nameZh() + "金额", "the amount of the " + type.name()));
                }
            } else if (type.amountRule() == PenaltyType.AmountRule.NONE) {
                v.add(new Violation(f + ".amount", "AMOUNT_NOT_APPLICABLE", type.nameZh() + "不应填写金额",
                        type.name() + " takes no amount"));
            } else if (amount.signum() <= 0) {
                v.add(new Violation(f + ".amount", "AMOUNT_NOT_POSITIVE", "金额必须大于零", "The amount must be greater than zero"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                v.add(new Violation(f + ".amount", "AMOUNT_NOT_FEN_EXACT", "金额最多保留两位小数（精确到分）",
                        "The amount must be exact to the fen (at most 2 decimals)"));
            } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                v.add(new Violation(f + ".amount", "AMOUNT_TOO_LARGE", "金额超出允许范围", "The amount is too large"));
            }
        }
    }

    private static void text(List<Violation> v, String field, String value, int max, String zh, String en) {
        if (blank(value)) {
            v.add(required(field, zh, en));
        } else if (value.length() > max) {
            v.add(new Violation(field, "TOO_LONG", zh + "不能超过" + max + "个字符", en + " must be at most " + max
                    + " characters"));
        }
    }

    private static Violation required(String field, String zh, String en) {
        return new Violation(field, "REQUIRED", "缺少" + zh, "Missing " + en);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
