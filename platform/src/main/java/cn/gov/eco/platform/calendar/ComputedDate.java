package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A computed date and the explanation produced by the same computation. */
public record ComputedDate(LocalDate date, DateDerivation derivation) {

    public ComputedDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(derivation, "derivation");
        if (!date.equals(derivation.result())) {
            throw new IllegalArgumentException("date " + date + " differs from derivation result " + derivation.result());
        }
    }
}
