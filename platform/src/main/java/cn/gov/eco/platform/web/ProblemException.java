package cn.gov.eco.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request that is well formed but cannot be carried out: a conflict (a duplicate document number, a concurrent
 * change) or a missing resource. Answered with problem+json carrying a stable type, zh and en titles.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;
    private final String messageZh;
    private final String messageEn;
    private final String titleZh;
    private final String titleEn;

    public ProblemException(HttpStatus status, String rule, String field, String messageZh, String messageEn) {
        this(status, rule, field, messageZh, messageEn, null, null);
    }

    private ProblemException(HttpStatus status, String rule, String field, String messageZh, String messageEn,
                             String titleZh, String titleEn) {
        super(rule + ": " + messageEn);
        this.status = status;
        this.rule = rule;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    /**
     * Nothing of that kind with that id (or not visible to the caller), said in each language on its own: the
     * Chinese sentence names the thing in Chinese only.
     */
    public static ProblemException notFound(String whatZh, String whatEn, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", null, "未找到" + whatZh + "：" + id,
                "No " + whatEn + " " + id);
    }

    /** The same problem under a title that says what happened, instead of the status's generic one. */
    public ProblemException titled(String zh, String en) {
        return new ProblemException(status, rule, field, messageZh, messageEn, zh, en);
    }

    /** The specific title, or null for the status's generic one ("与当前状态冲突" for 409). */
    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public static ProblemException conflict(String rule, String field, String zh, String en) {
        return new ProblemException(HttpStatus.CONFLICT, rule, field, zh, en);
    }

    public HttpStatus status() {
        return status;
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
