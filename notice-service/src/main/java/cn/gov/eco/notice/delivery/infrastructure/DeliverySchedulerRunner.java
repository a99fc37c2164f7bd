package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.application.DeliveryScheduler;
import cn.gov.eco.platform.work.WakeableLoop;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs the {@link DeliveryScheduler} on its own thread: at once when woken (a new delivery, an electronic attempt),
 * otherwise every interval. All its state is in the deliveries themselves, so a restart loses nothing and repeats
 * nothing.
 */
public class DeliverySchedulerRunner implements SmartLifecycle {

    private final DeliveryRepository deliveries;
    private final WakeableLoop loop;

    public DeliverySchedulerRunner(DeliveryScheduler scheduler, DeliveryRepository deliveries, Duration interval) {
        this.deliveries = deliveries;
        this.loop = new WakeableLoop("delivery-scheduler", interval, scheduler::runDue);
    }

    public void wakeUp() {
        loop.wakeUp();
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
