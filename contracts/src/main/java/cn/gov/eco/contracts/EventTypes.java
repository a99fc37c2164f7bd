package cn.gov.eco.contracts;

/** The versioned event types of the public contract. {@code ce_type} = {@code cn.gov.eco.<domain>.<Name>.v<N>}. */
public final class EventTypes {

    /** 行政处罚决定作出: a penalty decision was recorded; carries everything needed to render the decision. */
    public static final EventType PENALTY_DECIDED = EventType.of("enforcement", "PenaltyDecided", 1);

    /** 两书 prepared: both documents rendered and numbered, not yet served. */
    public static final EventType DUAL_DELIVERY_PREPARED = EventType.of("notice", "DualDeliveryPrepared", 1);

    /** 两书同达 completed: both documents served in one act; the served (or deemed-served) time starts the clocks. */
    public static final EventType DUAL_DELIVERY_COMPLETED = EventType.of("notice", "DualDeliveryCompleted", 1);

    /** 公示开始: the penalty is published as credit information with its minimum and maximum end. */
    public static final EventType PUBLICITY_OPENED = EventType.of("credit", "PublicityOpened", 1);

    /** 不予公示: a minor-tier penalty that the rule set does not publish by default. */
    public static final EventType PUBLICITY_NOT_PUBLISHED = EventType.of("credit", "PublicityNotPublished", 1);

    private EventTypes() {
    }
}
