package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.application.DeliveryScheduler;
import cn.gov.eco.platform.work.WakeableLoop;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs the {@link DeliveryScheduler} on its own thread. A delivery named when woken (a new delivery, an electronic
 * attempt just started) is claimed by its id at once; every interval, and at start, a sweep claims whatever else is
 * due (a retry, an arrival timeout, a deemed-served date, anything named to an instance that then crashed). The
 * sweep reads the whole collection on the embedded wire server, so it is kept off the per-delivery path. All the
 * state is in the deliveries themselves, so a restart loses nothing and repeats nothing.
 */
public class DeliverySchedulerRunner implements SmartLifecycle {

    private final DeliveryScheduler scheduler;
    private final DeliveryRepository deliveries;
    private final Duration interval;
    private final WakeableLoop loop;
    private final Queue<String> named = new ConcurrentLinkedQueue<>();
    private volatile boolean sweepNow = true;
    private long nextSweep = System.nanoTime();

    public DeliverySchedulerRunner(DeliveryScheduler scheduler, DeliveryRepository deliveries, Duration interval) {
        this.scheduler = scheduler;
        this.deliveries = deliveries;
        this.interval = interval;
        this.loop = new WakeableLoop("delivery-scheduler", interval, this::pass);
    }

    /** Work for this delivery may be due now. */
    public void wakeUp(String deliveryId) {
        named.add(deliveryId);
        loop.wakeUp();
    }

    /** Work may be due for any delivery: sweep now. */
    public void wakeUp() {
        sweepNow = true;
        loop.wakeUp();
    }

    private int pass() {
        Set<String> ids = new LinkedHashSet<>();
        for (String id; (id = named.poll()) != null; ) {
            ids.add(id);
        }
        try {
            int n = scheduler.runDue(ids);
            if (sweepNow || System.nanoTime() - nextSweep >= 0) {
                sweepNow = false;
                nextSweep = System.nanoTime() + interval.toNanos();
                n += scheduler.runDue();
            }
            return n;
        } catch (RuntimeException e) {
            sweepNow = true; // what was named may be lost with the failed pass: the sweep finds it
            throw e;
        }
    }

    @Override
    public void start() {
        deliveries.ensureIndexes();
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stops before the outbox relay, so what it wrote is still published. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 3000;
    }
}
