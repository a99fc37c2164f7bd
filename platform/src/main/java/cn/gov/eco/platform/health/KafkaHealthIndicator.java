package cn.gov.eco.platform.health;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's health for readiness (Spring Boot has none): the cluster answers a describe within the timeout. It is in
 * the readiness group only, never in liveness: a broker outage must take the service out of rotation, not get it
 * restarted (RELIABILITY.md R11).
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final AdminClient admin;
    private final long timeoutMillis;

    public KafkaHealthIndicator(Map<String, Object> adminProperties, long timeoutMillis) {
        super("Kafka health check failed");
        this.admin = AdminClient.create(adminProperties);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis));
        String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    @Override
    public void close() {
        admin.close();
    }
}
