package cn.gov.eco.platform.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 文号, e.g. {@code 泉环罚〔2025〕12号}: issuing organ, optional kind marker, year in 〔〕 and serial number.
 *
 * <p>Splitting organ and kind [I]: DOMAIN §8.5.3's regex has a greedy organ group and an optional kind, so taken
 * literally {@code 泉环罚} would be all organ. We read the longest known kind marker (罚告/罚听/罚决 before
 * 罚/立/送) off the end of the prefix when at least one character of organ remains: {@code 泉环罚} → organ
 * {@code 泉环}, kind 罚. An organ that itself ends in 罚, 立 or 送 cannot be written without a kind;
 * {@link #of} refuses it so that every number the system issues reads back to the same parts.
 *
 * <p>Format per GB/T 9704-2012 [U]: four-digit year in 〔〕, serial number without 第 and without leading zeros.
 */
public record DocumentNumber(String org, DocumentKind kind, int year, int sequence) {

    public static final String DOCNO_BLANK = "DOCNO_BLANK";
    public static final String DOCNO_FORMAT = "DOCNO_FORMAT";
    public static final String DOCNO_BRACKETS = "DOCNO_BRACKETS";
    public static final String DOCNO_YEAR_DIGITS = "DOCNO_YEAR_DIGITS";
    public static final String DOCNO_LEADING_ZERO = "DOCNO_LEADING_ZERO";
    public static final String DOCNO_ORDINAL_PREFIX = "DOCNO_ORDINAL_PREFIX";
    public static final String DOCNO_ORG = "DOCNO_ORG";
    public static final String DOCNO_SEQUENCE = "DOCNO_SEQUENCE";
    public static final String DOCNO_AMBIGUOUS_ORG = "DOCNO_AMBIGUOUS_ORG";
    public static final String DOCNO_YEAR_MISMATCH = "DOCNO_YEAR_MISMATCH";
    public static final String DOCNO_BRACKETS_NORMALIZED = "DOCNO_BRACKETS_NORMALIZED";
    public static final String DOCNO_YEAR_EXPANDED = "DOCNO_YEAR_EXPANDED";

    // DOMAIN §8.5.3, with the organ+kind prefix read as one group and split afterwards (see class comment).
    private static final Pattern STRICT = Pattern.compile("^(?<prefix>[\\u4e00-\\u9fff]{1,8})〔(?<year>\\d{4})〕(?<seq>[1-9]\\d*)号$");
    // Lenient shape used only to name what is wrong with a number that fails STRICT.
    private static final Pattern LOOSE = Pattern.compile(
            "^(?<prefix>[\\u4e00-\\u9fff]+)(?<open>[〔\\[（(【［])(?<year>\\d+)(?<close>[〕\\]）)】］])(?<ord>第)?(?<seq>\\d+)号$");
    private static final Pattern ORG = Pattern.compile("^[\\u4e00-\\u9fff]{1,6}$");

    public DocumentNumber {
        List<Violation> errors = new ArrayList<>();
        if (org == null || !ORG.matcher(org).matches()) {
            errors.add(Violation.error(DOCNO_ORG, "发文机关代字应为1至6个汉字", "The issuing organ must be 1 to 6 Chinese characters"));
        } else if (kind == null && endsWithKindMarker(org)) {
            errors.add(Violation.error(DOCNO_AMBIGUOUS_ORG, "发文机关代字以文种代字结尾，须指明文种",
                    "The issuing organ ends in a kind marker; give the kind explicitly"));
        }
        if (year < 1000 || year > 9999) {
            errors.add(Violation.error(DOCNO_YEAR_DIGITS, "年份应为四位数字", "The year must have four digits"));
        }
        if (sequence < 1) {
            errors.add(Violation.error(DOCNO_SEQUENCE, "序号应为正整数", "The serial number must be a positive integer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidDocumentNumberException(org + "/" + kind + "/" + year + "/" + sequence, errors);
        }
    }

    /** A number the system allocates. {@code kind} may be null. */
    public static DocumentNumber of(String org, DocumentKind kind, int year, int sequence) {
        return new DocumentNumber(org, kind, year, sequence);
    }

    /** Strict: the exact format the system issues; rejects [ ], （ ）, 【 】, two-digit years, leading zeros and 第. */
    public static DocumentNumber parseIssued(String raw) {
        return orThrow(checkIssued(raw));
    }

    /** For numbers imported from other systems: normalises brackets to 〔〕 and two-digit years to 20xx first. */
    public static DocumentNumber parseImported(String raw) {
        return orThrow(checkImported(raw));
    }

    public static DocumentNumberCheck checkIssued(String raw) {
        return read(raw, raw == null ? null : raw.strip(), List.of());
    }

    public static DocumentNumberCheck checkImported(String raw) {
        if (raw == null) {
            return read(null, null, List.of());
        }
        List<Violation> warnings = new ArrayList<>();
        String s = raw.replaceAll("[\\s\\u3000]", "");
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            digits.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
        }
        s = digits.toString();
        String bracketed = s.replaceAll("[\\[（(【［]", "〔").replaceAll("[\\]）)】］]", "〕");
        if (!bracketed.equals(s)) {
            warnings.add(Violation.warning(DOCNO_BRACKETS_NORMALIZED, "年份括号已规范为六角括号〔〕",
                    "Year brackets normalised to 〔〕"));
        }
        Matcher twoDigit = Pattern.compile("〔(\\d{2})〕").matcher(bracketed);
        if (twoDigit.find()) {
            bracketed = twoDigit.replaceFirst("〔20$1〕");
            warnings.add(Violation.warning(DOCNO_YEAR_EXPANDED, "两位年份已补全为20" + twoDigit.group(1),
                    "Two-digit year expanded to 20" + twoDigit.group(1)));
        }
        return read(raw, bracketed, warnings);
    }

    private static DocumentNumberCheck read(String raw, String s, List<Violation> warnings) {
        if (s == null || s.isBlank()) {
            return new DocumentNumberCheck(raw, s, null,
                    List.of(Violation.error(DOCNO_BLANK, "文号不能为空", "The document number is empty")), warnings);
        }
        Matcher m = STRICT.matcher(s);
        if (m.matches()) {
            String prefix = m.group("prefix");
            DocumentKind kind = null;
            String org = prefix;
            for (DocumentKind k : DocumentKind.LONGEST_FIRST) {
                if (prefix.endsWith(k.marker()) && prefix.length() > k.marker().length()) {
                    kind = k;
                    org = prefix.substring(0, prefix.length() - k.marker().length());
                    break;
                }
            }
            try {
                return new DocumentNumberCheck(raw, s, new DocumentNumber(org, kind, Integer.parseInt(m.group("year")),
                        Integer.parseInt(m.group("seq"))), List.of(), warnings);
            } catch (InvalidDocumentNumberException e) {
                return new DocumentNumberCheck(raw, s, null, e.violations(), warnings);
            } catch (NumberFormatException e) {
                return new DocumentNumberCheck(raw, s, null, List.of(Violation.error(DOCNO_SEQUENCE,
                        "序号过大", "The serial number is too large")), warnings);
            }
        }
        return new DocumentNumberCheck(raw, s, null, diagnose(s), warnings);
    }

    /** Names what is wrong with a number that does not match the strict format. */
    private static List<Violation> diagnose(String s) {
        List<Violation> errors = new ArrayList<>();
        Matcher m = LOOSE.matcher(s);
        if (!m.matches()) {
            errors.add(Violation.error(DOCNO_FORMAT, "文号格式应为“机关代字〔年份〕序号号”，如泉环罚〔2025〕12号",
                    "Expected organ〔year〕serial号, e.g. 泉环罚〔2025〕12号"));
            return errors;
        }
        if (!m.group("open").equals("〔") || !m.group("close").equals("〕")) {
            errors.add(Violation.error(DOCNO_BRACKETS, "年份须用六角括号〔〕，不得使用[ ]、（ ）、【 】",
                    "The year must be in 〔〕, not [ ], （ ） or 【 】"));
        }
        if (m.group("year").length() != 4) {
            errors.add(Violation.error(DOCNO_YEAR_DIGITS, "年份须写全四位", "The year must have four digits"));
        }
        if (m.group("ord") != null) {
            errors.add(Violation.error(DOCNO_ORDINAL_PREFIX, "序号前不加“第”字", "No 第 before the serial number"));
        }
        if (m.group("seq").startsWith("0")) {
            errors.add(Violation.error(DOCNO_LEADING_ZERO, "序号不编虚位（不得有前导零）", "No leading zeros in the serial number"));
        }
        if (m.group("prefix").length() > 8) {
            errors.add(Violation.error(DOCNO_ORG, "发文机关代字应为1至6个汉字", "The issuing organ must be 1 to 6 Chinese characters"));
        }
        if (errors.isEmpty()) {
            errors.add(Violation.error(DOCNO_FORMAT, "文号格式不符", "Malformed document number"));
        }
        return errors;
    }

    private static DocumentNumber orThrow(DocumentNumberCheck check) {
        if (!check.valid()) {
            throw new InvalidDocumentNumberException(check.raw(), check.violations());
        }
        return check.number();
    }

    private static boolean endsWithKindMarker(String org) {
        return DocumentKind.LONGEST_FIRST.stream().anyMatch(k -> org.endsWith(k.marker()));
    }

    /** The canonical form, e.g. {@code 泉环罚〔2025〕12号}. */
    public String format() {
        return org + (kind == null ? "" : kind.marker()) + "〔" + year + "〕" + sequence + "号";
    }

    /** Numbers are unique per (issuing organ, kind, year) series (DOMAIN §8.5.3). */
    public String seriesKey() {
        return org + "|" + (kind == null ? "" : kind.marker()) + "|" + year;
    }

    /** Warning when the year in the number differs from the year of the decision date (DOMAIN §8.5.3). */
    public Optional<Violation> yearMismatchWarning(LocalDate decisionDate) {
        Objects.requireNonNull(decisionDate, "decisionDate");
        if (decisionDate.getYear() == year) {
            return Optional.empty();
        }
        return Optional.of(Violation.warning(DOCNO_YEAR_MISMATCH,
                "文号年份" + year + "与决定日期" + decisionDate + "的年份不一致",
                "The year " + year + " in the number differs from the decision date " + decisionDate));
    }

    @Override
    public String toString() {
        return format();
    }
}
