package cn.gov.eco.platform.identity;

import java.util.List;

/**
 * The result of checking a raw 统一社会信用代码.
 *
 * @param normalized the code after trimming, removing spaces, full-width→half-width and upper-casing (null for null input)
 * @param violations errors: a format error makes the status INVALID, a check-character error NEEDS_MANUAL_VERIFICATION
 * @param warnings   advice only (e.g. the GB 11714 organisation-code check on position 17)
 */
public record UsccCheck(String raw, String normalized, UsccStatus status, List<Violation> violations, List<Violation> warnings) {

    public UsccCheck {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    public boolean accepted() {
        return status.accepted();
    }
}
