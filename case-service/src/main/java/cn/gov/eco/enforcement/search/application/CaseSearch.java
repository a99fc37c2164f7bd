package cn.gov.eco.enforcement.search.application;

import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The staff's case list (案件查询): search by 文号, company name or USCC, by state and by decision date, a page at a
 * time. Read-only; the cases themselves are changed only by the case flow and execution.
 */
public class CaseSearch {

    /** At most this many cases a page: a list a person reads, not an export. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_QUERY_LENGTH = 100;

    /** Where the cases are read from (the {@code cases} collection in production). */
    public interface Cases {
        Page search(Criteria criteria);
    }

    /**
     * @param text  a 文号, part of a company name, or a USCC; null for any
     * @param states the case states to list; empty for any
     * @param decidedFrom inclusive; null for no lower bound
     * @param decidedTo inclusive; null for no upper bound
     */
    public record Criteria(String text, Set<String> states, LocalDate decidedFrom, LocalDate decidedTo, int page,
                           int size) {
    }

    /** One case in the list: what a person needs to recognise it and open it. */
    public record CaseSummary(String caseId, String state, String documentNumber, String enterpriseName, String uscc,
                              LocalDate decisionDate, String issuingAgency) {
    }

    public record Page(List<CaseSummary> cases, int page, int size, long total) {
    }

    private final Cases cases;
    private final Set<String> knownStates;

    public CaseSearch(Cases cases, Set<String> knownStates) {
        this.cases = cases;
        this.knownStates = Set.copyOf(knownStates);
    }

    public Page search(String text, List<String> states, LocalDate from, LocalDate to, Integer page, Integer size) {
        List<Violation> v = new ArrayList<>();
        String q = text == null ? null : text.strip();
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            v.add(new Violation("q", "TOO_LONG", "查询内容不能超过" + MAX_QUERY_LENGTH + "个字符",
                    "The search text must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        for (String s : states == null ? List.<String>of() : states) {
            if (!knownStates.contains(s)) {
                v.add(new Violation("state", "UNKNOWN_STATE", "不是案件的状态：" + s, "Not a case state: " + s));
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            v.add(new Violation("decidedFrom", "RANGE_REVERSED", "起始日期晚于截止日期",
                    "The start date is after the end date"));
        }
        int p = page == null ? 0 : page;
        int n = size == null ? 20 : size;
        if (p < 0) {
            v.add(new Violation("page", "NEGATIVE", "页码不能小于0", "The page must not be negative"));
        }
        if (n < 1 || n > MAX_PAGE_SIZE) {
            v.add(new Violation("size", "OUT_OF_RANGE", "每页条数须在1至" + MAX_PAGE_SIZE + "之间",
                    "The page size must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return cases.search(new Criteria(q == null || q.isEmpty() ? null : q,
                Set.copyOf(states == null ? List.of() : states), from, to, p, n));
    }
}
