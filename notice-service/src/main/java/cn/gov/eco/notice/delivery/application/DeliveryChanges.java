package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository.NewEvent;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository.Stored;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.function.Function;

/**
 * Read, decide, write with the events — retried on a concurrent change (optimistic lock on the version). A rule of
 * the model that refuses the transition becomes a 409 problem naming the delivery's state.
 */
public class DeliveryChanges {

    static final int ATTEMPTS = 5;

    private final DeliveryRepository deliveries;

    public DeliveryChanges(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The new state and the events it raises; {@link #none()} when nothing changes. */
    public record Change(DualDelivery next, List<NewEvent> events) {
        public static Change none() {
            return null;
        }
    }

    public Stored load(String caseId) {
        return deliveries.load(caseId).orElseThrow(() -> ProblemException.notFound("送达记录", "delivery", caseId));
    }

    /** @return the delivery after the change (or unchanged) */
    public DualDelivery apply(String caseId, Function<Stored, Change> decide) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Stored s = load(caseId);
            Change c;
            try {
                c = decide.apply(s);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.CONFLICT, "DELIVERY_STATE", "status",
                        "当前送达状态（" + s.delivery().status() + "）不允许此操作：" + e.getMessage(),
                        "the delivery's state (" + s.delivery().status() + ") does not allow this: " + e.getMessage());
            }
            if (c == null) {
                return s.delivery();
            }
            if (deliveries.save(s, c.next(), c.events())) {
                return c.next();
            }
        }
        throw ProblemException.conflict("CONCURRENT_CHANGE", "caseId", "送达记录正被同时修改，请重试",
                "the delivery is being changed concurrently; try again");
    }
}
