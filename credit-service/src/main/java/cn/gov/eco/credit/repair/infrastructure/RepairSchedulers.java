package cn.gov.eco.credit.repair.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs the repair feature's due work at a fixed pace: the result sync to the credit platform and the repair-window
 * reminder. The work itself is claimed in MongoDB with a lease (no in-memory state), so a restart loses nothing and
 * two instances do not do the same piece twice.
 */
public class RepairSchedulers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepairSchedulers.class);

    private final IntSupplier sync;
    private final Duration syncInterval;
    private final IntSupplier window;
    private final Duration windowInterval;
    private volatile ScheduledExecutorService executor;

    public RepairSchedulers(IntSupplier sync, Duration syncInterval, IntSupplier window, Duration windowInterval) {
        this.sync = sync;
        this.syncInterval = syncInterval;
        this.window = window;
        this.windowInterval = windowInterval;
    }

    @Override
    public void start() {
        executor = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("repair-scheduler").daemon().factory());
        executor.scheduleWithFixedDelay(() -> run("sync", sync), syncInterval.toMillis(), syncInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> run("window", window), windowInterval.toMillis(),
                windowInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void run(String what, IntSupplier work) {
        try {
            work.getAsInt();
        } catch (RuntimeException e) {
            log.warn("repair {} pass failed, will run again: {}", what, e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdown();
            try {
                e.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
