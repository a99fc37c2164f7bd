package cn.gov.eco.notice.delivery;

import cn.gov.eco.notice.channel.ChannelSubmission;
import cn.gov.eco.notice.channel.ChannelUnavailableException;
import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.notice.channel.ElectronicDispatch;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory electronic-delivery platform for the tests, keeping the port's contract: idempotent by delivery id
 * (a repeated send returns the first message id and delivers nothing twice), and {@link ChannelUnavailableException}
 * while it is "down". It records every call and every message it actually delivered.
 */
public class FakeElectronicChannel implements ElectronicDeliveryChannel {

    private final Clock clock;
    private final Map<String, ChannelSubmission> taken = new ConcurrentHashMap<>();
    private final List<ElectronicDispatch> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;
    private volatile Consumer<ElectronicDispatch> onDelivered = d -> { };

    public FakeElectronicChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChannelSubmission send(ElectronicDispatch dispatch) {
        calls.incrementAndGet();
        if (down) {
            throw new ChannelUnavailableException("platform down (test)", null);
        }
        boolean[] fresh = {false};
        ChannelSubmission s = taken.computeIfAbsent(dispatch.deliveryId(), id -> {
            fresh[0] = true;
            return new ChannelSubmission("msg-" + id, clock.instant());
        });
        if (fresh[0]) {
            delivered.add(dispatch);
            onDelivered.accept(dispatch);
        }
        return s;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void onDelivered(Consumer<ElectronicDispatch> action) {
        this.onDelivered = action;
    }

    public int calls() {
        return calls.get();
    }

    /** The messages the addressees actually received. */
    public List<ElectronicDispatch> delivered() {
        return List.copyOf(delivered);
    }

    public String messageIdOf(String deliveryId) {
        ChannelSubmission s = taken.get(deliveryId);
        return s == null ? null : s.platformMessageId();
    }
}
