package cn.gov.eco.dashboard.lifecycle.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates the dashboard counts by ("today", "this month", a year) are days in Asia/Shanghai. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
