package cn.gov.eco.platform.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A background worker on its own thread that runs one pass of work at once when woken, and otherwise every
 * interval; a pass that did some work is followed by the next one at once, and a pass that failed is retried after
 * a pause of at least the interval. All the work's state lives in the database, so stopping and starting loses nothing. Used by the
 * outbox relay and by services' schedulers.
 */
public final class WakeableLoop {

    private static final Logger log = LoggerFactory.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration interval;
    private final IntSupplier pass;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param name     the thread's name
     * @param interval the wait when a pass found no work or failed
     * @param pass     one pass over the work; returns how much it did
     */
    public WakeableLoop(String name, Duration interval, IntSupplier pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    /** Runs a pass now rather than at the end of the interval. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Ends the loop after the pass under way, waiting up to 10 seconds for it. */
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

    public boolean isRunning() {
        return running;
    }

    private void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            int done = 0;
            try {
                done = pass.getAsInt();
            } catch (RuntimeException e) {
                log.warn("{} pass failed, will retry: {}", name, e.toString());
                pause(); // not cut short by wake-ups: a failing dependency is not hammered by every write
            }
            if (done == 0 && running) {
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
}
