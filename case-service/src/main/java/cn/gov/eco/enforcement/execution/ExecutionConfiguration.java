package cn.gov.eco.enforcement.execution;

import cn.gov.eco.enforcement.execution.application.ExecutionService;
import cn.gov.eco.enforcement.execution.infrastructure.ExecutionProperties;
import cn.gov.eco.enforcement.execution.infrastructure.ExecutionRepository;
import cn.gov.eco.enforcement.execution.infrastructure.OverdueSweep;
import cn.gov.eco.enforcement.execution.infrastructure.ServedDecisionListener;
import cn.gov.eco.enforcement.execution.model.ExecutionTerms;
import cn.gov.eco.enforcement.execution.model.LatePaymentSurcharge;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.security.AccessPolicy;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** The execution feature: after the decision is served, until the case is closed, revoked or amended. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ExecutionProperties.class)
class ExecutionConfiguration {

    @Bean
    ExecutionTerms executionTerms(WorkingDayCalendar calendar, ExecutionProperties props) {
        return new ExecutionTerms(calendar, new LatePaymentSurcharge(props.surchargeDailyRate(),
                props.surchargeRounding()));
    }

    @Bean
    ExecutionRepository executionRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay,
                                            WorkingDayCalendar calendar) {
        return new ExecutionRepository(db, outbox, relay, calendar::calendarVersion);
    }

    @Bean
    ExecutionService executionService(ExecutionRepository repository, ExecutionTerms terms, AccessPolicy policy,
                                      Clock clock, Supplier<UUID> idSupplier, ExecutionProperties props) {
        return new ExecutionService(repository, terms, policy, clock, idSupplier, props.rectificationRequired());
    }

    @Bean
    ServedDecisionListener servedDecisionListener(ExecutionService service, InboundEvents events) {
        return new ServedDecisionListener(service, events);
    }

    @Bean
    @ConditionalOnProperty(name = "enforcement.execution.overdue-sweep-enabled", havingValue = "true",
            matchIfMissing = true)
    OverdueSweep overdueSweep(ExecutionService service) {
        return new OverdueSweep(service);
    }
}
