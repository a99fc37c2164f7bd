package cn.gov.eco.notice.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/** How official documents print dates, money and small counts. */
public final class ChineseFormats {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseFormats() {
    }

    /** {@code 2025-06-11} → {@code 2025年6月11日}; null → empty. */
    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * The date as an official document writes its 成文日期 (GB/T 9704-2012 §7.3.5.1): {@code 2026-12-08} →
     * {@code 二〇二六年十二月八日}; null → empty.
     */
    public static String officialDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(12);
        for (char c : Integer.toString(date.getYear()).toCharArray()) {
            s.append(c == '0' ? "〇" : DIGITS[c - '0']);
        }
        return s.append('年').append(count(date.getMonthValue())).append('月').append(count(date.getDayOfMonth()))
                .append('日').toString();
    }

    /** {@code 34000} → {@code 人民币34,000.00元}; null → empty. Amounts finer than a fen are refused. */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal fen;
        try {
            fen = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is not exact to the fen: " + amount, e);
        }
        return "人民币" + String.format(Locale.ROOT, "%,.2f", fen) + "元";
    }

    /** 1..99 in Chinese numerals as used for legal periods: 15 → 十五, 60 → 六十, 6 → 六. */
    public static String count(int n) {
        if (n < 0 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
    }
}
