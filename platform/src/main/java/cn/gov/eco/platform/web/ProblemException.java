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

    public ProblemException(HttpStatus status, String rule, String field, String messageZh, String messageEn) {
        super(rule + ": " + messageEn);
        this.status = status;
        this.rule = rule;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", null, "未找到" + what + "：" + id,
                "No " + what + " " + id);
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
