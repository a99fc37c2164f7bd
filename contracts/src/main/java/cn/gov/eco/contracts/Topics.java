package cn.gov.eco.contracts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topic catalogue: the six topics of the public contract (ARCHITECTURE.md, "Public contract"), created by the
 * services at start with these partition counts. Downstream dashboards consume the same topics.
 */
public final class Topics {

    /**
     * Why the lifecycle's event topics are kept for ever: a reader that starts late (a dashboard started next year)
     * rebuilds publicity that lasts up to 36 months (T25) and the annual statistics of past years from the topic
     * alone; about ten records per case make that a small log.
     */
    private static final String EVENT_LOG = "an event log kept for ever: readers that start late rebuild publicity"
            + " periods of up to 36 months and past years' statistics from it";

    public static final Topic ENFORCEMENT_CASE = new Topic("enforcement.case.v1", Topic.KeyKind.CASE_ID, 6,
            Topic.Policy.keptForever(EVENT_LOG), Principal.CASE_SERVICE, Set.of(Principal.NOTICE_SERVICE, Principal.CREDIT_SERVICE, Principal.DASHBOARD),
            List.of(EventTypes.PENALTY_DECIDED, EventTypes.NO_PENALTY_DECIDED, EventTypes.FINE_PAID,
                    EventTypes.RECTIFICATION_VERIFIED, EventTypes.DECISION_REVOKED, EventTypes.DECISION_AMENDED,
                    EventTypes.CASE_CLOSED, EventTypes.PAYMENT_OVERDUE, EventTypes.PAYMENT_DEFERRED,
                    EventTypes.INSTALMENT_PLAN_APPROVED, EventTypes.REMINDER_SERVED,
                    EventTypes.COURT_ENFORCEMENT_REQUESTED, EventTypes.CASE_FILED, EventTypes.PRE_NOTICE_SERVED,
                    EventTypes.HEARING_REQUESTED, EventTypes.HEARING_HELD, EventTypes.LEGAL_REVIEW_REQUESTED,
                    EventTypes.LEGAL_REVIEW_PASSED, EventTypes.LEGAL_REVIEW_RETURNED, EventTypes.DELIBERATION_CONCLUDED));

    public static final Topic NOTICE_DELIVERY = new Topic("notice.delivery.v1", Topic.KeyKind.CASE_ID, 6,
            Topic.Policy.keptForever(EVENT_LOG), Principal.NOTICE_SERVICE, Set.of(Principal.CASE_SERVICE, Principal.CREDIT_SERVICE, Principal.DASHBOARD),
            List.of(EventTypes.DUAL_DELIVERY_PREPARED, EventTypes.DUAL_DELIVERY_COMPLETED,
                    EventTypes.DELIVERY_ATTEMPTED, EventTypes.DELIVERY_OVERDUE, EventTypes.DELIVERY_NONCONFORMING,
                    EventTypes.SERVE_BY_REVISED));

    public static final Topic CREDIT_PUBLICITY = new Topic("credit.publicity.v1", Topic.KeyKind.USCC, 6,
            Topic.Policy.keptForever(EVENT_LOG), Principal.CREDIT_SERVICE, Set.of(Principal.CREDIT_SERVICE, Principal.DASHBOARD),
            List.of(EventTypes.PUBLICITY_OPENED, EventTypes.PUBLICITY_NOT_PUBLISHED,
                    EventTypes.PUBLICITY_MINIMUM_PERIOD_ELAPSED, EventTypes.PUBLICITY_EXPIRED,
                    EventTypes.PUBLICITY_WITHDRAWN, EventTypes.PUBLICITY_TERMINATED_BY_REPAIR,
                    EventTypes.PUBLICITY_REPUBLISHED));

    public static final Topic CREDIT_REPAIR = new Topic("credit.repair.v1", Topic.KeyKind.USCC, 6,
            Topic.Policy.keptForever(EVENT_LOG), Principal.CREDIT_SERVICE, Set.of(Principal.CREDIT_SERVICE, Principal.DASHBOARD),
            List.of(EventTypes.REPAIR_APPROVED, EventTypes.REPAIR_REVOKED,
                    EventTypes.REPAIR_APPLICATION_SUBMITTED, EventTypes.REPAIR_APPLICATION_BLOCKED,
                    EventTypes.REPAIR_APPLICATION_ACCEPTED, EventTypes.REPAIR_APPLICATION_NOT_ACCEPTED,
                    EventTypes.REPAIR_SUPPLEMENT_REQUESTED, EventTypes.REPAIR_DENIED, EventTypes.REPAIR_RESULT_SYNCED,
                    EventTypes.REPAIR_APPLICATION_WITHDRAWN, EventTypes.REPAIR_WINDOW_OPENED));

    public static final Topic CREDIT_LEVEL = new Topic("credit.level.v1", Topic.KeyKind.USCC, 6,
            Topic.Policy.keptForever(EVENT_LOG), Principal.CREDIT_SERVICE, Set.of(Principal.DASHBOARD),
            List.of(EventTypes.CREDIT_LEVEL_CHANGED, EventTypes.SUPERVISION_TIER_CHANGED));

    /** Compacted: the current status of each enterprise, for dashboards that start late. */
    public static final Topic CREDIT_ENTERPRISE_STATUS = new Topic("credit.enterprise-status.v1", Topic.KeyKind.USCC, 6,
            Topic.Policy.compactedByKey("the current status of each enterprise: a reader that starts late reads one"
                    + " record per enterprise"), Principal.CREDIT_SERVICE, Set.of(Principal.DASHBOARD),
            List.of(EventTypes.ENTERPRISE_CREDIT_STATUS));

    /**
     * Compacted by year: the approved official years of the working-day calendar. Every service reads it from the
     * earliest offset at start, so a restarted service knows every year loaded at run time.
     */
    public static final Topic CALENDAR = new Topic("calendar.v1", Topic.KeyKind.YEAR, 1,
            Topic.Policy.compactedByKey("the latest approved table of each calendar year: every service replays it at"
                    + " start"), Principal.CASE_SERVICE,
            Set.of(Principal.CASE_SERVICE, Principal.NOTICE_SERVICE, Principal.CREDIT_SERVICE, Principal.DASHBOARD),
            List.of(EventTypes.CALENDAR_REVISED));

    public static final List<Topic> ALL = List.of(ENFORCEMENT_CASE, NOTICE_DELIVERY, CREDIT_PUBLICITY, CREDIT_REPAIR,
            CREDIT_LEVEL, CREDIT_ENTERPRISE_STATUS, CALENDAR);

    private Topics() {
    }

    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topic that carries an event type; each event type has exactly one writer topic. */
    public static Topic carrying(EventType type) {
        return ALL.stream().filter(t -> t.eventTypes().contains(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + type.ceType()));
    }

    public static Optional<EventType> eventType(String ceType) {
        return ALL.stream().flatMap(t -> t.eventTypes().stream()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
