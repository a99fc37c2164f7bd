package cn.gov.eco.enforcement.casefile.model;

import cn.gov.eco.platform.web.Violation;

/**
 * A command the case refuses: an illegal transition or a legal gate. Names the rule, the field at fault (if any) and
 * the article, in Chinese and English; nothing is changed.
 */
public class CaseRuleException extends RuntimeException {

    /** What kind of refusal: the case is in the wrong state, a rule of law blocks the step, or the input is wrong. */
    public enum Kind { ILLEGAL_TRANSITION, GATE, INVALID }

    private final Kind kind;
    private final Violation violation;

    public CaseRuleException(Kind kind, String rule, String field, String messageZh, String messageEn) {
        super(rule + ": " + messageEn);
        this.kind = kind;
        this.violation = new Violation(field, rule, messageZh, messageEn);
    }

    public static CaseRuleException gate(String rule, String field, String zh, String en) {
        return new CaseRuleException(Kind.GATE, rule, field, zh, en);
    }

    public static CaseRuleException invalid(String rule, String field, String zh, String en) {
        return new CaseRuleException(Kind.INVALID, rule, field, zh, en);
    }

    public Kind kind() {
        return kind;
    }

    /** The rule broken, the field at fault and the message in zh and en. */
    public Violation violation() {
        return violation;
    }

    public String rule() {
        return violation.rule();
    }
}
