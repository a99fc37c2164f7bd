package cn.gov.eco.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A topic of the public contract: its name, what its key is, how many partitions it is created with, how long it
 * keeps what it carries ({@link Policy}), its one writer and its readers (the broker ACLs), and the event types it
 * carries. A reader also writes the topic's dead-letter topic. Declared once, in {@link Topics}; no string
 * literal names a topic anywhere else. The same policy is applied to the embedded broker, the compose file and the
 * operator resources of {@code deploy/}.
 */
public record Topic(String name, KeyKind key, int partitions, Policy policy, Principal writer, Set<Principal> readers,
                    List<EventType> eventTypes) {

    public Topic {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(writer, "writer");
        readers = Set.copyOf(readers);
        eventTypes = List.copyOf(eventTypes);
    }

    /** What a topic's record key is. Order is guaranteed per key. */
    public enum KeyKind {
        /** the penalty case id: every event of one case in order */
        CASE_ID,
        /** the enterprise's unified social credit code (统一社会信用代码): every event of one enterprise in order */
        USCC,
        /** a calendar year (yyyy): the working-day calendar's official years */
        YEAR
    }

    /** Kafka's {@code cleanup.policy}. */
    public enum Cleanup {
        DELETE("delete"), COMPACT("compact");

        private final String config;

        Cleanup(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }

    /**
     * How long a topic keeps its records, chosen from what its readers need: a reader that starts late (a dashboard
     * started next year) must be able to rebuild from the topic alone.
     *
     * @param cleanup   delete (an event log) or compact (the latest record per key)
     * @param retention how long a record is kept; {@code null} means for ever ({@code retention.ms=-1})
     * @param why       the reason, in one sentence, printed in the AsyncAPI document and the deploy resources
     */
    public record Policy(Cleanup cleanup, Duration retention, String why) {

        /** An event log kept for ever: its readers rebuild the whole lifecycle from the first record. */
        public static Policy keptForever(String why) {
            return new Policy(Cleanup.DELETE, null, why);
        }

        /** The latest record per key, for ever. */
        public static Policy compactedByKey(String why) {
            return new Policy(Cleanup.COMPACT, null, why);
        }

        /** Kafka's {@code retention.ms}: -1 for ever. */
        public long retentionMs() {
            return retention == null ? -1 : retention.toMillis();
        }
    }

    /** Dead-letter topics keep their records for 90 days: long enough to be seen, fixed and replayed. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(90);

    public boolean compacted() {
        return policy.cleanup() == Cleanup.COMPACT;
    }

    /** The dead-letter topic of this topic: records that failed every attempt, with their original coordinates. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }

    public Optional<EventType> eventType(String ceType) {
        return eventTypes.stream().filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
