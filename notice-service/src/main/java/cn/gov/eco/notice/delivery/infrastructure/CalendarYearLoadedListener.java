package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.application.ServeByRevision;
import cn.gov.eco.platform.calendar.feed.CalendarYearLoaded;
import org.springframework.context.event.EventListener;

/** notice-service's part of a calendar revision: the open serve-by dates (T2). */
public class CalendarYearLoadedListener {

    private final ServeByRevision revision;

    public CalendarYearLoadedListener(ServeByRevision revision) {
        this.revision = revision;
    }

    @EventListener
    public void on(CalendarYearLoaded loaded) {
        revision.onYearLoaded(loaded.year());
    }
}
