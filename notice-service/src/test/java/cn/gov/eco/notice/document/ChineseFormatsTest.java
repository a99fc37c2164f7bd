package cn.gov.eco.notice.document;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseFormatsTest {

    @Test
    void shouldPrintDatesWithoutLeadingZeros() {
        assertThat(ChineseFormats.date(LocalDate.of(2025, 6, 11))).isEqualTo("2025年6月11日");
        assertThat(ChineseFormats.date(LocalDate.of(2026, 3, 1))).isEqualTo("2026年3月1日");
    }

    @Test
    void shouldPrintMoneyInYuanWithFenAndGrouping() {
        assertThat(ChineseFormats.money(new BigDecimal("34000"))).isEqualTo("人民币34,000.00元");
        assertThat(ChineseFormats.money(new BigDecimal("0.10"))).isEqualTo("人民币0.10元");
        assertThat(ChineseFormats.money(new BigDecimal("1234567.89"))).isEqualTo("人民币1,234,567.89元");
    }

    @Test
    void shouldRefuseAmountsFinerThanAFen() {
        assertThatThrownBy(() -> ChineseFormats.money(new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteLegalPeriodsInChineseNumerals() {
        assertThat(ChineseFormats.count(15)).isEqualTo("十五");
        assertThat(ChineseFormats.count(60)).isEqualTo("六十");
        assertThat(ChineseFormats.count(6)).isEqualTo("六");
        assertThat(ChineseFormats.count(21)).isEqualTo("二十一");
    }

    @Test
    void shouldWriteTheIssuingDateInChineseNumeralsWithLingAsZero() {
        assertThat(ChineseFormats.officialDate(java.time.LocalDate.of(2026, 12, 8))).isEqualTo("二〇二六年十二月八日");
        assertThat(ChineseFormats.officialDate(java.time.LocalDate.of(2025, 3, 10))).isEqualTo("二〇二五年三月十日");
        assertThat(ChineseFormats.officialDate(java.time.LocalDate.of(2030, 1, 31))).isEqualTo("二〇三〇年一月三十一日");
        assertThat(ChineseFormats.officialDate(null)).isEmpty();
    }
}
