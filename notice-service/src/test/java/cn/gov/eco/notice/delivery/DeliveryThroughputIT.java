package cn.gov.eco.notice.delivery;

import cn.gov.eco.notice.channel.ElectronicDispatch;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many electronic deliveries through the scheduler, the channel and the arrival against the MongoDB wire server:
 * every delivery is sent exactly once and served exactly once (sets of ids compared, RELIABILITY.md), and the rate is
 * printed (a figure to plan with, on this shared 2-core machine).
 */
class DeliveryThroughputIT {

    static final int N = 300;
    final DeliveryWorld world = new DeliveryWorld(Instant.parse("2026-11-23T02:00:00Z"));

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldSendAndServeEveryElectronicDeliveryExactlyOnce() {
        world.consent(DeliveryWorld.USCC);
        world.channel.onDelivered(d -> world.arrivals.arrived(d.deliveryId(), "msg-" + d.deliveryId(),
                world.clock.instant()));
        List<String> cases = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            if (i % 100 == 0) {
                System.out.printf("delivery throughput: %d prepared after %.0f ms%n", i, (System.nanoTime() - t0) / 1e6);
            }
            String caseId = UUID.randomUUID().toString();
            cases.add(caseId);
            world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20)));
        }
        long t1 = System.nanoTime();
        int claimed = 0;
        for (int pass = 0; pass < 20 && claimed < N; pass++) {
            claimed += world.scheduler().runDue();
        }
        long t2 = System.nanoTime();
        System.out.printf("delivery throughput: %d prepared in %.0f ms (%.0f/s); sent and served in %.0f ms (%.0f/s)%n",
                N, (t1 - t0) / 1e6, N / ((t1 - t0) / 1e9), (t2 - t1) / 1e6, N / ((t2 - t1) / 1e9));

        Set<String> sent = new HashSet<>(world.channel.delivered().stream().map(ElectronicDispatch::deliveryId).toList());
        assertThat(world.channel.delivered()).hasSize(N);
        assertThat(sent).isEqualTo(new HashSet<>(cases));
        Set<String> served = new HashSet<>();
        for (String caseId : cases) {
            DualDelivery d = world.delivery(caseId);
            if (d.status() == DualDelivery.Status.SERVED) {
                served.add(caseId);
            }
            assertThat(world.eventTypes(caseId)).containsOnlyOnce("DualDeliveryCompleted");
        }
        assertThat(served).isEqualTo(new HashSet<>(cases));
    }
}
