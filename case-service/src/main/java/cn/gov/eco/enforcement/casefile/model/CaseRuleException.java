package cn.gov.eco.enforcement.casefile.model;

/**
 * A command the case refuses: an illegal transition or a legal gate. Names the rule, the field at fault (if any) and
 * the article, in Chinese and English; nothing is changed.
 */
public class CaseRuleException extends RuntimeException {

    /** What kind of refusal: the case is in the wrong state, or a rule of law blocks the step. */
    public enum Kind { ILLEGAL_TRANSITION, GATE, INVALID }

    private final Kind kind;
    private final String rule;
    private final String field;
    private final String messageZh;
    private final String messageEn;

    public CaseRuleException(Kind kind, String rule, String field, String messageZh, String messageEn) {
        super(rule + ": " + messageEn);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
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

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
