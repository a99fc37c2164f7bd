package cn.gov.eco.platform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters = registration authority (1),
 * organisation type (1), administrative division (6, GB/T 2260), organisation code (9, GB 11714, position 17 its
 * check character) and the overall check character (1).
 *
 * <p>An instance is always normalised and either passes the mod-31 check or was verified by hand
 * ({@code manuallyVerified}, from an admin whitelist).
 */
public record Uscc(String value, boolean manuallyVerified) {

    /** GB 32100-2015 character set: digits and upper-case letters without I, O, S, V, Z; index = value 0–30. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 §4.2 / DOMAIN §6: weights 3^(i−1) mod 31 for positions 1–17.
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    // GB 11714-1997: organisation-code weights for positions 9–16.
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    // GB/T 2260 province-level prefixes, plus 10 for central-level registrations [I]; used for a warning only.
    private static final Set<String> PROVINCE_PREFIXES = Set.of("10", "11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    public static final String USCC_BLANK = "USCC_BLANK";
    public static final String USCC_LENGTH = "USCC_LENGTH";
    public static final String USCC_CHARSET = "USCC_CHARSET";
    public static final String USCC_DIVISION_FORMAT = "USCC_DIVISION_FORMAT";
    public static final String USCC_REGISTRATION_AUTHORITY = "USCC_REGISTRATION_AUTHORITY";
    /** GB 32100-2015 登记管理部门代码 (position 1): 1 机构编制 … 9 市场监管(工商), A 中央军委编制, N 农业, Y 其他. */
    private static final String REGISTRATION_AUTHORITIES = "123456789ANY";
    public static final String USCC_CHECK_CHARACTER = "USCC_CHECK_CHARACTER";
    public static final String USCC_ORG_CODE_CHECK = "USCC_ORG_CODE_CHECK";
    public static final String USCC_DIVISION_UNKNOWN = "USCC_DIVISION_UNKNOWN";
    public static final String USCC_MANUAL_VERIFICATION = "USCC_MANUAL_VERIFICATION";

    public Uscc {
        UsccCheck check = check(value, manuallyVerified ? code -> true : UsccWhitelist.none());
        if (!check.accepted() || !check.normalized().equals(value)) {
            throw new InvalidUsccException(check);
        }
        if (manuallyVerified && check.violations().isEmpty() && check.status() == UsccStatus.VALID) {
            manuallyVerified = false; // a code that passes the check needs no manual verification
        }
    }

    /** Accepts a code that passes the check, or one that fails only the check character and is whitelisted. */
    public static Uscc of(String raw, UsccWhitelist whitelist) {
        UsccCheck check = check(raw, whitelist);
        if (!check.accepted()) {
            throw new InvalidUsccException(check);
        }
        return new Uscc(check.normalized(), check.status() == UsccStatus.MANUALLY_VERIFIED);
    }

    public static Uscc of(String raw) {
        return of(raw, UsccWhitelist.none());
    }

    /** Checks without a whitelist: a check-character failure gives NEEDS_MANUAL_VERIFICATION. */
    public static UsccCheck check(String raw) {
        return check(raw, UsccWhitelist.none());
    }

    /** DOMAIN §8.5.1: normalise, then format (INVALID), then mod-31 (NEEDS_MANUAL_VERIFICATION unless whitelisted). */
    public static UsccCheck check(String raw, UsccWhitelist whitelist) {
        String normalized = normalize(raw);
        List<Violation> errors = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        if (normalized == null || normalized.isEmpty()) {
            errors.add(Violation.error(USCC_BLANK, "统一社会信用代码不能为空", "The unified social credit code is empty"));
            return new UsccCheck(raw, normalized, UsccStatus.INVALID, errors, warnings);
        }
        if (normalized.length() != 18) {
            errors.add(Violation.error(USCC_LENGTH, "统一社会信用代码应为18位，实际为" + normalized.length() + "位",
                    "The code must have 18 characters, found " + normalized.length()));
        }
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            if (CHARSET.indexOf(normalized.charAt(i)) < 0) {
                bad.append(bad.isEmpty() ? "" : ", ").append(i + 1).append(":'").append(normalized.charAt(i)).append('\'');
            }
        }
        if (!bad.isEmpty()) {
            errors.add(Violation.error(USCC_CHARSET, "统一社会信用代码含非法字符（不使用I、O、S、V、Z）：" + bad,
                    "The code contains characters outside its character set (no I, O, S, V, Z): " + bad));
        }
        if (errors.isEmpty() && REGISTRATION_AUTHORITIES.indexOf(normalized.charAt(0)) < 0) {
            errors.add(Violation.error(USCC_REGISTRATION_AUTHORITY, "第1位登记管理部门代码" + normalized.charAt(0)
                    + "不是GB 32100规定的代码（1-9、A、N、Y）", "Position 1 (registration authority) " + normalized.charAt(0)
                    + " is not a GB 32100 code (1-9, A, N, Y)"));
        }
        if (errors.isEmpty() && !normalized.substring(2, 8).chars().allMatch(Character::isDigit)) {
            errors.add(Violation.error(USCC_DIVISION_FORMAT, "第3至8位行政区划码应为数字",
                    "Positions 3-8 (administrative division code) must be digits"));
        }
        if (!errors.isEmpty()) {
            return new UsccCheck(raw, normalized, UsccStatus.INVALID, errors, warnings);
        }
        if (!PROVINCE_PREFIXES.contains(normalized.substring(2, 4))) {
            warnings.add(Violation.warning(USCC_DIVISION_UNKNOWN, "行政区划码" + normalized.substring(2, 8) + "不属于已知省级区划",
                    "Division code " + normalized.substring(2, 8) + " is not in a known province"));
        }
        char expectedOrg = orgCodeCheckCharacter(normalized.substring(8, 16));
        if (normalized.charAt(16) != expectedOrg) {
            // GB 11714 check on position 17: a warning only (DOMAIN §8.5.1).
            warnings.add(Violation.warning(USCC_ORG_CODE_CHECK, "组织机构代码校验位应为" + expectedOrg + "，实际为" + normalized.charAt(16),
                    "Organisation code check character should be " + expectedOrg + ", found " + normalized.charAt(16)));
        }
        char expected = checkCharacter(normalized.substring(0, 17));
        UsccStatus status = UsccStatus.VALID;
        if (normalized.charAt(17) != expected) {
            Violation mismatch = Violation.error(USCC_CHECK_CHARACTER,
                    "统一社会信用代码校验位不符：应为" + expected + "，实际为" + normalized.charAt(17) + "，需人工核实",
                    "Check character mismatch: expected " + expected + ", found " + normalized.charAt(17)
                            + "; needs manual verification");
            if (whitelist.contains(normalized)) {
                status = UsccStatus.MANUALLY_VERIFIED;
                warnings.add(Violation.warning(USCC_MANUAL_VERIFICATION, "校验位不符，但已由管理员人工核实",
                        "Check character mismatch accepted: verified by an administrator"));
            } else {
                status = UsccStatus.NEEDS_MANUAL_VERIFICATION;
                errors.add(mismatch);
            }
        }
        return new UsccCheck(raw, normalized, status, errors, warnings);
    }

    /** Trim, remove all spaces (incl. inner and ideographic), full-width → half-width, upper case. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            s.append(c);
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }

    /** GB 32100-2015: C18 = 31 − (Σ value × weight mod 31), 31 → 0, for a 17-character body in the code charset. */
    public static char checkCharacter(String body17) {
        if (body17.length() != 17) {
            throw new IllegalArgumentException("body must have 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(body17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character outside the USCC charset: " + body17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** GB 11714: C = 11 − (Σ value × weight mod 11), digits 0–9 and letters A=10…Z=35; 10 → X, 11 → 0. */
    public static char orgCodeCheckCharacter(String orgBody8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = orgBody8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    public char registrationAuthority() {
        return value.charAt(0);
    }

    public char organisationType() {
        return value.charAt(1);
    }

    /** Positions 3–8, GB/T 2260. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** Positions 9–17, the GB 11714 organisation code. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
