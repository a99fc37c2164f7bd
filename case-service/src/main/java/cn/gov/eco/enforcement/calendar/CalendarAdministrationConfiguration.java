package cn.gov.eco.enforcement.calendar;

import cn.gov.eco.enforcement.calendar.application.CalendarAdministration;
import cn.gov.eco.enforcement.calendar.infrastructure.YearProposalRepository;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarAdministrationConfiguration {

    @Bean
    YearProposalRepository yearProposalRepository(MongoDatabase db, OutboxWriter outbox) {
        return new YearProposalRepository(db, outbox);
    }

    @Bean
    CalendarAdministration calendarAdministration(WorkingDayCalendar calendar, YearProposalRepository repository,
                                                  Clock clock) {
        return new CalendarAdministration(calendar, repository, clock);
    }
}
