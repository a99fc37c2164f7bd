package cn.gov.eco.platform.calendar.feed;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.platform.calendar.CalendarRevisedV1;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;

/**
 * The one listener every service shares: reads {@code calendar.v1} from its first offset at each start (the topic is
 * compacted by year, one partition), loads each approved official year into the service's
 * {@link WorkingDayCalendar} and announces it with {@link CalendarYearLoaded}. Replays are idempotent: a version
 * not newer than the loaded one changes nothing. A year that fails the calendar's own checks is a poison record
 * (dead-lettered, seen on {@code calendar.v1.dlt}); the calendar keeps what it had.
 */
public class CalendarFeedListener {

    private static final Logger log = LoggerFactory.getLogger(CalendarFeedListener.class);

    private final WorkingDayCalendar calendar;
    private final InboundEvents events;
    private final ApplicationEventPublisher publisher;

    public CalendarFeedListener(WorkingDayCalendar calendar, InboundEvents events, ApplicationEventPublisher publisher) {
        this.calendar = calendar;
        this.events = events;
        this.publisher = publisher;
    }

    @KafkaListener(id = "${platform.service-name}-calendar-feed", groupId = "${platform.service-name}-calendar-feed",
            concurrency = "1", topicPartitions = @TopicPartition(topic = "#{T(cn.gov.eco.contracts.Topics).CALENDAR.name()}",
            partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    public void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, EventTypes.CALENDAR_REVISED, CalendarRevisedV1.class, CalendarRevisedV1::complete,
                this::load);
    }

    void load(CalendarRevisedV1 m) {
        var year = m.toCalendarYear();
        boolean changed;
        try {
            changed = calendar.load(year);
        } catch (IllegalArgumentException e) {
            throw new cn.gov.eco.platform.messaging.PoisonRecordException("calendar year " + m.year() + " v" + m.version()
                    + " refused: " + e.getMessage(), e);
        }
        if (changed) {
            log.info("calendar year {} v{} ({}) loaded: calendar {}", m.year(), m.version(), m.source().documentId(),
                    calendar.calendarVersion());
            publisher.publishEvent(new CalendarYearLoaded(year, calendar.calendarVersion()));
        }
    }
}
