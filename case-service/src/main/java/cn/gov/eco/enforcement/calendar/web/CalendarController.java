package cn.gov.eco.enforcement.calendar.web;

import cn.gov.eco.enforcement.calendar.application.CalendarAdministration;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CALENDAR_ADMIN;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.DASHBOARD;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/**
 * 工作日历: the official and provisional years and what a period rule gives from a date (any signed-in role and
 * the dashboard client); calendar administrators load a year's State Council table and a second one approves it.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

    private final CalendarAdministration administration;

    public CalendarController(CalendarAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/years")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            CALENDAR_ADMIN, ENTERPRISE, DASHBOARD}, scope = Access.Scope.SHARED)
    @Operation(summary = "工作日历年度 Calendar years", description = "Each year: official (from a State Council notice, "
            + "with its version and source) or provisional (statutory holidays, weekends, no adjusted working days); "
            + "and the tables loaded for approval.")
    public CalendarAdministration.CalendarView years() {
        return administration.years();
    }

    @GetMapping("/deadlines")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            CALENDAR_ADMIN, ENTERPRISE, DASHBOARD}, scope = Access.Scope.SHARED)
    @Operation(summary = "期限试算 Compute a deadline", description = "The date a period rule (e.g. T2, T10) gives from a "
            + "start date, with its derivation; provisional=true when it rests on a provisional year.")
    public CalendarAdministration.DeadlineView deadline(@RequestParam(required = false) String rule,
                                                        @RequestParam(required = false) String from) {
        return administration.deadline(rule, from);
    }

    @PostMapping("/years")
    @Access(roles = CALENDAR_ADMIN, changesState = true)
    @Operation(summary = "录入年度节假日安排 Load a year's holiday table", description = "Proposes a State Council table "
            + "(国务院办公厅部分节假日安排的通知) with its source; it takes effect once another calendar administrator "
            + "approves it.")
    public ResponseEntity<CalendarAdministration.ProposalView> propose(Actor actor,
                                                                       @RequestBody CalendarAdministration.ProposeYear request) {
        var p = administration.propose(actor, request);
        return ResponseEntity.created(URI.create("/api/calendar/years/" + p.year() + "/versions/" + p.version()))
                .body(p);
    }

    @PostMapping("/years/{year}/versions/{version}/approval")
    @Access(roles = CALENDAR_ADMIN, changesState = true)
    @Operation(summary = "核准年度节假日安排 Approve a year's table", description = "A second calendar administrator "
            + "approves the table; it is published on calendar.v1 and every service loads it.")
    public CalendarAdministration.ProposalView approve(Actor actor, @PathVariable int year, @PathVariable int version) {
        return administration.approve(actor, year, version);
    }
}
