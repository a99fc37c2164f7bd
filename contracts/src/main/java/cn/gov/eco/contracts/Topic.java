package cn.gov.eco.contracts;

import java.util.List;
import java.util.Optional;

/**
 * A topic of the public contract: its name, what its key is, how many partitions it is created with, whether it
 * is compacted, and the event types it carries. Declared once, in {@link Topics}; no string literal names a topic
 * anywhere else.
 */
public record Topic(String name, KeyKind key, int partitions, boolean compacted, List<EventType> eventTypes) {

    public Topic {
        eventTypes = List.copyOf(eventTypes);
    }

    /** What a topic's record key is. Order is guaranteed per key. */
    public enum KeyKind {
        /** the penalty case id: every event of one case in order */
        CASE_ID,
        /** the enterprise's unified social credit code (统一社会信用代码): every event of one enterprise in order */
        USCC
    }

    /** The dead-letter topic of this topic: records that failed every attempt, with their original coordinates. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }

    public Optional<EventType> eventType(String ceType) {
        return eventTypes.stream().filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
