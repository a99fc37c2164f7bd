package cn.gov.eco.platform.identity;

import java.util.List;

/**
 * The result of reading a raw 文号.
 *
 * @param number     the parsed number, null when there are violations
 * @param violations errors; any error means the number is refused
 * @param warnings   what import normalisation changed (e.g. {@code DOCNO_BRACKETS_NORMALIZED})
 */
public record DocumentNumberCheck(String raw, String normalized, DocumentNumber number, List<Violation> violations,
                                  List<Violation> warnings) {

    public DocumentNumberCheck {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
