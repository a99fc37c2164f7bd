package cn.gov.eco.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves: the services read the day from it (e.g. the day a due date passes). */
public final class SettableClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;

    public SettableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** 10:00 in Asia/Shanghai on {@code day}. */
    public static SettableClock at(LocalDate day) {
        return new SettableClock(day.atTime(10, 0).atZone(CHINA).toInstant());
    }

    /** 10:00 in Asia/Shanghai on {@code day}. */
    public void set(LocalDate day) {
        now.set(day.atTime(10, 0).atZone(CHINA).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
