package cn.gov.eco.dashboard.lifecycle.infrastructure;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the dashboard: its topology runs (or is rebalancing, restoring its stores), so the state stores can
 * answer. A topology in ERROR (e.g. the public topics do not exist yet) or stopped is DOWN (RELIABILITY.md R11).
 */
final class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final InteractiveQueries streams;
    private final DashboardActivity activity;

    StreamsHealthIndicator(InteractiveQueries streams, DashboardActivity activity) {
        this.streams = streams;
        this.activity = activity;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = streams.state();
        (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING ? builder.up() : builder.down())
                .withDetail("state", state.name())
                .withDetail("unreadableRecords", activity.unreadableByTopic());
    }
}
