package cn.gov.eco.enforcement.search.web;

import cn.gov.eco.enforcement.search.application.CaseSearch;
import cn.gov.eco.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/** 案件查询: agency staff list and search cases; an enterprise reads only its own, through its own pages. */
@RestController
@RequestMapping("/api/cases")
public class CaseSearchController {

    private final CaseSearch search;

    public CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    @GetMapping
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR})
    @Operation(summary = "案件查询 search cases",
            description = "By 文号, part of the company name, or USCC (q); by state (repeatable); by decision date"
                    + " (inclusive); newest decision first, a page at a time (size at most 100).")
    public CaseSearch.Page search(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) List<String> state,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate decidedFrom,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate decidedTo,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return search.search(q, state, decidedFrom, decidedTo, page, size);
    }
}
