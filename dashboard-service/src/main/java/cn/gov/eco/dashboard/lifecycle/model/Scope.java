package cn.gov.eco.dashboard.lifecycle.model;

import java.time.LocalDate;

/**
 * Which cases a figure counts: one issuing agency (作出决定的机关) or the whole province ({@code agency} null), and
 * the decisions dated in a period (both ends included; open when null). Cases not yet decided count only when no
 * period is chosen.
 */
public record Scope(String agency, LocalDate from, LocalDate to) {

    public static final Scope ALL = new Scope(null, null, null);

    public boolean includes(CaseLifecycle c) {
        if (agency != null && !agency.equals(c.agency)) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        if (c.decisionDate == null) {
            return false;
        }
        return (from == null || !c.decisionDate.isBefore(from)) && (to == null || !c.decisionDate.isAfter(to));
    }
}
