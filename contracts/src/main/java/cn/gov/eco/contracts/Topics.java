package cn.gov.eco.contracts;

import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue: the six topics of the public contract (ARCHITECTURE.md, "Public contract"), created by the
 * services at start with these partition counts. Downstream dashboards consume the same topics.
 */
public final class Topics {

    public static final Topic ENFORCEMENT_CASE = new Topic("enforcement.case.v1", Topic.KeyKind.CASE_ID, 6, false,
            List.of(EventTypes.PENALTY_DECIDED, EventTypes.NO_PENALTY_DECIDED, EventTypes.FINE_PAID,
                    EventTypes.RECTIFICATION_VERIFIED, EventTypes.DECISION_REVOKED, EventTypes.DECISION_AMENDED,
                    EventTypes.CASE_CLOSED));

    public static final Topic NOTICE_DELIVERY = new Topic("notice.delivery.v1", Topic.KeyKind.CASE_ID, 6, false,
            List.of(EventTypes.DUAL_DELIVERY_PREPARED, EventTypes.DUAL_DELIVERY_COMPLETED));

    public static final Topic CREDIT_PUBLICITY = new Topic("credit.publicity.v1", Topic.KeyKind.USCC, 6, false,
            List.of(EventTypes.PUBLICITY_OPENED, EventTypes.PUBLICITY_NOT_PUBLISHED,
                    EventTypes.PUBLICITY_MINIMUM_PERIOD_ELAPSED, EventTypes.PUBLICITY_EXPIRED,
                    EventTypes.PUBLICITY_WITHDRAWN, EventTypes.PUBLICITY_TERMINATED_BY_REPAIR,
                    EventTypes.PUBLICITY_REPUBLISHED));

    public static final Topic CREDIT_REPAIR = new Topic("credit.repair.v1", Topic.KeyKind.USCC, 6, false,
            List.of(EventTypes.REPAIR_APPROVED, EventTypes.REPAIR_REVOKED));

    public static final Topic CREDIT_LEVEL = new Topic("credit.level.v1", Topic.KeyKind.USCC, 6, false,
            List.of(EventTypes.CREDIT_LEVEL_CHANGED, EventTypes.SUPERVISION_TIER_CHANGED));

    /** Compacted: the current status of each enterprise, for dashboards that start late. */
    public static final Topic CREDIT_ENTERPRISE_STATUS = new Topic("credit.enterprise-status.v1", Topic.KeyKind.USCC, 6,
            true, List.of(EventTypes.ENTERPRISE_CREDIT_STATUS));

    public static final List<Topic> ALL = List.of(ENFORCEMENT_CASE, NOTICE_DELIVERY, CREDIT_PUBLICITY, CREDIT_REPAIR,
            CREDIT_LEVEL, CREDIT_ENTERPRISE_STATUS);

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
