package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.channel.ElectronicArrivals;
import cn.gov.eco.notice.delivery.application.DeliveryChanges.Change;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The channel's arrival receipt completes the electronic service of both documents at the channel's time
 * (《民事诉讼法》第九十条第二款; DOMAIN.md §8.5.6: never typed in). The act, the served state and
 * {@code DualDeliveryCompleted} are one write. Idempotent: the same receipt again changes nothing.
 */
public class ElectronicArrivalService implements ElectronicArrivals {

    private static final Logger log = LoggerFactory.getLogger(ElectronicArrivalService.class);

    private final DeliveryChanges changes;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ElectronicArrivalService(DeliveryChanges changes, Clock clock, Supplier<UUID> ids) {
        this.changes = changes;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void arrived(String deliveryId, String platformMessageId, Instant arrivedAt) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(platformMessageId, "platformMessageId");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        DualDelivery d = changes.apply(deliveryId, s -> {
            if (s.delivery().servedByMessage(platformMessageId)) {
                return Change.none();
            }
            DualDelivery next = s.delivery().electronicArrived(platformMessageId, arrivedAt, ids.get().toString(),
                    clock.instant());
            return new Change(next, List.of(DeliveryEvents.completed(next)));
        });
        log.info("delivery {} served electronically: message {} arrived at {}", deliveryId, platformMessageId,
                d.serviceAct().servedAt());
    }
}
