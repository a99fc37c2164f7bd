package cn.gov.eco.platform.web;

/**
 * One thing wrong with a request: the field at fault (a JSON path such as {@code enterprise.uscc}), the stable rule
 * code it breaks (e.g. {@code USCC_CHECK_CHARACTER}), and the message in Chinese and English.
 */
public record Violation(String field, String rule, String messageZh, String messageEn) {
}
