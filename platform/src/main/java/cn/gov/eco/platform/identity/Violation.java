package cn.gov.eco.platform.identity;

import java.util.Objects;

/**
 * One finding of a validation, with a stable code clients can branch on and a message in Chinese and English.
 *
 * @param severity ERROR makes the value unacceptable (or needing manual verification); WARNING is advice only
 */
public record Violation(String code, Severity severity, String messageZh, String messageEn) {

    public enum Severity { ERROR, WARNING }

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    static Violation error(String code, String zh, String en) {
        return new Violation(code, Severity.ERROR, zh, en);
    }

    static Violation warning(String code, String zh, String en) {
        return new Violation(code, Severity.WARNING, zh, en);
    }
}
