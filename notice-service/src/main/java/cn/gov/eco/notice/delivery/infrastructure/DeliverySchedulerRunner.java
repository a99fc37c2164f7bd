package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.application.DeliveryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link DeliveryScheduler} on its own thread: at once when woken (a new electronic delivery), otherwise
 * every interval. All its state is in the deliveries themselves, so a restart loses nothing and repeats nothing.
 */
public class DeliverySchedulerRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySchedulerRunner.class);

    private final DeliveryScheduler scheduler;
    private final DeliveryRepository deliveries;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    public DeliverySchedulerRunner(DeliveryScheduler scheduler, DeliveryRepository deliveries, Duration interval) {
        this.scheduler = scheduler;
        this.deliveries = deliveries;
        this.interval = interval;
    }

    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void start() {
        deliveries.ensureIndexes();
        running = true;
        thread = Thread.ofPlatform().name("delivery-scheduler").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake.release();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the outbox relay, so what it wrote is still published. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 3000;
    }

    private void loop() {
        while (running) {
            try {
                scheduler.runDue();
            } catch (RuntimeException e) {
                log.warn("delivery scheduler pass failed, will retry: {}", e.toString());
            }
            try {
                if (wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
