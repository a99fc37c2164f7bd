package cn.gov.eco.platform.text;

import cn.gov.eco.platform.web.Violation;

import java.text.Normalizer;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a text field must be for the documents to print it, and for everything downstream to carry it: a documented
 * maximum length, NFC-normalised, no control characters (line breaks and tabs only in multi-line fields), no
 * bidirectional overrides or isolates (they reorder what a reader sees, the "Trojan source" trick), no lone
 * surrogates, and every character covered by the documents' font (WenQuanYi Micro Hei, {@link FontCoverage}).
 * Refused, never repaired: the field and the rule are named, nothing is stored (issue 16, row 2).
 */
public final class PrintableText {

    /** A field's shape: its maximum length in characters and whether it may span lines. */
    public record Limit(int maxLength, boolean multiLine) {
        public static Limit line(int maxLength) {
            return new Limit(maxLength, false);
        }

        public static Limit lines(int maxLength) {
            return new Limit(maxLength, true);
        }
    }

    private final IntPredicate printable;

    /** @param printable whether the documents' font has a glyph for a code point */
    public PrintableText(IntPredicate printable) {
        this.printable = printable;
    }

    /** Checks only what every text needs (no font): for fields that are never printed. */
    public static PrintableText withoutFont() {
        return new PrintableText(cp -> true);
    }

    /** A required field: missing, too long or not printable. */
    public void required(List<Violation> out, String field, String value, Limit limit, String zh, String en) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(field, "REQUIRED", "缺少" + zh, "Missing " + en));
        } else {
            check(out, field, value, limit, zh, en);
        }
    }

    /** An optional field: null passes; otherwise as {@link #required}. */
    public void optional(List<Violation> out, String field, String value, Limit limit, String zh, String en) {
        if (value != null) {
            check(out, field, value, limit, zh, en);
        }
    }

    /** Adds at most one violation for {@code value}: the first rule it breaks. */
    public void check(List<Violation> out, String field, String value, Limit limit, String zh, String en) {
        if (value.length() > limit.maxLength()) {
            out.add(new Violation(field, "TOO_LONG", zh + "不能超过" + limit.maxLength() + "个字符",
                    en + " must be at most " + limit.maxLength() + " characters"));
            return;
        }
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    out.add(new Violation(field, "TEXT_LONE_SURROGATE",
                            zh + "含有不成对的代理码元（第" + (i + 1) + "个字符），不是有效的文本",
                            en + " contains a lone surrogate at position " + (i + 1) + ": not valid text"));
                    return;
                }
            }
            int cp = value.codePointAt(i);
            String rule = rule(cp, limit.multiLine());
            if (rule != null) {
                out.add(violation(field, rule, cp, i, zh, en));
                return;
            }
            i += Character.charCount(cp);
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            out.add(new Violation(field, "TEXT_NOT_NFC", zh + "须为 Unicode NFC 规范化形式（请重新输入该字段）",
                    en + " must be Unicode NFC-normalised (please type the field again)"));
        }
    }

    private String rule(int cp, boolean multiLine) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return multiLine ? null : "TEXT_LINE_BREAK";
        }
        if (isBidiControl(cp)) {
            return "TEXT_BIDI_CONTROL";
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return "TEXT_CONTROL_CHARACTER";
        }
        if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !printable.test(cp)) {
            return "TEXT_NOT_IN_FONT";
        }
        return null;
    }

    /** U+061C, U+200E/F, U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates). */
    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static Violation violation(String field, String rule, int cp, int index, String zh, String en) {
        String u = String.format("U+%04X", cp);
        int pos = index + 1;
        return switch (rule) {
            case "TEXT_LINE_BREAK" -> new Violation(field, rule, zh + "只能是一行文字，不能包含换行或制表符（第" + pos + "个字符）",
                    en + " must be a single line without line breaks or tabs (position " + pos + ")");
            case "TEXT_BIDI_CONTROL" -> new Violation(field, rule,
                    zh + "含有改变文字显示方向的控制字符 " + u + "（第" + pos + "个字符），文书中显示的内容会与实际内容不符",
                    en + " contains the bidirectional control character " + u + " at position " + pos
                            + ": the documents would show something other than what was entered");
            case "TEXT_CONTROL_CHARACTER" -> new Violation(field, rule,
                    zh + "含有不可打印的控制字符或未分配字符 " + u + "（第" + pos + "个字符）",
                    en + " contains the non-printable, control or unassigned character " + u + " at position " + pos);
            default -> new Violation(field, rule, zh + "含有文书字体无法显示的字符 " + u + "（第" + pos + "个字符），请改用规范汉字",
                    en + " contains the character " + u + " at position " + pos
                            + ", which the documents' font cannot print");
        };
    }
}
