package cn.gov.eco.benchmark;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How far the lifecycle dashboard (dashboard-service, a Kafka Streams application) is behind the public topics: the
 * records of the six topics its consumer group has not committed yet. Streams commits every second, so a lag of
 * zero means it had read everything at most a second ago.
 */
final class DashboardLag {

    /** The dashboard's consumer group: its Streams application id ({@code spring.kafka.streams.application-id}). */
    static final String GROUP = System.getProperty("bench.dashboardGroup", "dashboard-service");

    private DashboardLag() {
    }

    /** The lag in records, or -1 when the dashboard's group has committed nothing (not running). */
    static long lag(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return -1;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Topic t : Topics.ALL) {
                for (int p = 0; p < t.partitions(); p++) {
                    latest.put(new TopicPartition(t.name(), p), OffsetSpec.latest());
                }
            }
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
            }
            return lag;
        }
    }

    /** The lag now and the seconds until it reached zero (NaN if not within {@code max}). */
    record CatchUp(long lagAtEnd, double secondsToZero) {
    }

    static CatchUp measure(String bootstrap, Duration max) throws Exception {
        long first = lag(bootstrap);
        if (first <= 0) {
            return new CatchUp(first, first == 0 ? 0 : Double.NaN);
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < max.toNanos()) {
            if (lag(bootstrap) == 0) {
                return new CatchUp(first, (System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(250);
        }
        return new CatchUp(first, Double.NaN);
    }
}
