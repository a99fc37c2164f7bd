package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.credit.publicity.application.PublicityLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the time-driven transitions (T28 minimum elapsed, T31 maximum expired) every {@code interval}. It keeps no
 * state: what is due is the {@code dueAt} stored on each record, claimed atomically, so a restart or a second
 * instance is harmless and a missed day is caught up on the next pass.
 */
public class PublicityScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicityScheduler.class);

    private final PublicityLifecycle lifecycle;
    private final Duration interval;
    private volatile boolean running;
    private volatile CountDownLatch stop;
    private volatile Thread thread;

    public PublicityScheduler(PublicityLifecycle lifecycle, Duration interval) {
        this.lifecycle = lifecycle;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = true;
        stop = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("publicity-scheduler").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                int changed;
                do {
                    changed = lifecycle.runDue(100);
                } while (changed > 0 && running);
            } catch (RuntimeException e) {
                log.warn("publicity scheduler pass failed, will retry: {}", e.toString());
            }
            try {
                if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (stop != null) {
            stop.countDown();
        }
        Thread t = thread;
        if (t != null) {
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
}
