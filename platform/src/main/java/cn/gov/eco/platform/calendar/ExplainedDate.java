package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date as the system shows it to people and puts it on the topics: the date, the one-line zh-CN and English
 * sentence a person can check, and the structured derivation an auditor can replay — all three from the one
 * computation that produced the date, never written separately.
 */
public record ExplainedDate(LocalDate date, String explanationZh, String explanationEn, DateDerivation derivation) {

    public ExplainedDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(derivation, "derivation");
        if (!date.equals(derivation.result())) {
            throw new IllegalArgumentException("date " + date + " differs from its derivation's result");
        }
    }

    public static ExplainedDate of(ComputedDate computed) {
        var d = computed.derivation();
        return new ExplainedDate(computed.date(), d.sentenceZh(), d.sentenceEn(), d);
    }
}
