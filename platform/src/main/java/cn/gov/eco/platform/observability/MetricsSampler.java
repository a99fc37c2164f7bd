package cn.gov.eco.platform.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the {@link Sampled} meters (the outbox, the broker, status counts) every {@code platform.metrics.sample-interval} (10 s by default) on one daemon
 * thread, so a scrape reads the last values and never waits on MongoDB or Kafka. A failed sample keeps the previous
 * values and is logged; the next one tries again.
 */
public class MetricsSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsSampler.class);

    private final List<Sampled> sampled;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public MetricsSampler(List<Sampled> sampled, Duration interval) {
        this.sampled = List.copyOf(sampled);
        this.interval = interval;
    }

    /** One sample of each, now. Public for tests. */
    public void sampleNow() {
        for (Sampled s : sampled) {
            try {
                s.sample();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                log.warn("{} not sampled: {}", s.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-sampler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sampleNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
