package cn.gov.eco.credit.repair;

import cn.gov.eco.credit.repair.application.CreditPlatform;
import cn.gov.eco.credit.repair.application.RepairApplications;
import cn.gov.eco.credit.repair.application.RepairFactsRecorder;
import cn.gov.eco.credit.repair.application.RepairProperties;
import cn.gov.eco.credit.repair.application.RepairResultSync;
import cn.gov.eco.credit.repair.infrastructure.HttpCreditPlatform;
import cn.gov.eco.credit.repair.infrastructure.MaterialStore;
import cn.gov.eco.credit.repair.infrastructure.RepairApplicationRepository;
import cn.gov.eco.credit.repair.infrastructure.RepairEventListeners;
import cn.gov.eco.credit.repair.infrastructure.RepairEvents;
import cn.gov.eco.credit.repair.infrastructure.RepairFactsRepository;
import cn.gov.eco.credit.repair.infrastructure.RepairSchedulers;
import cn.gov.eco.credit.repair.model.RepairEligibility;
import cn.gov.eco.credit.repair.model.RepairTimeLimits;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.security.AccessPolicy;
import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** The online credit-repair feature's wiring. */
@Configuration
@EnableConfigurationProperties(RepairProperties.class)
class RepairConfiguration {

    @Bean
    RepairEligibility repairEligibility(RepairProperties properties) {
        return new RepairEligibility(properties.rectificationRequired());
    }

    @Bean
    RepairTimeLimits repairTimeLimits(WorkingDayCalendar calendar, RepairProperties properties) {
        var t = properties.timeLimits();
        return new RepairTimeLimits(calendar, t.acceptanceWorkingDays(), t.decisionWorkingDays(),
                t.extensionWorkingDays(), t.syncWorkingDays());
    }

    @Bean
    RepairEvents repairEvents(OutboxWriter outbox, WorkingDayCalendar calendar) {
        return new RepairEvents(outbox, calendar::calendarVersion);
    }

    @Bean
    RepairFactsRepository repairFactsRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json,
                                                OutboxRelay relay) {
        return new RepairFactsRepository(db, outbox, json, relay);
    }

    @Bean
    RepairApplicationRepository repairApplicationRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json,
                                                            OutboxRelay relay) {
        return new RepairApplicationRepository(db, outbox, json, relay);
    }

    @Bean
    MaterialStore materialStore(MongoDatabase db) {
        return new MaterialStore(db);
    }

    @Bean
    RepairFactsRecorder repairFactsRecorder(RepairFactsRepository facts, RepairEligibility eligibility,
                                            RepairEvents events, Clock clock) {
        return new RepairFactsRecorder(facts, eligibility, events, clock);
    }

    @Bean
    RepairEventListeners repairEventListeners(RepairFactsRecorder recorder, InboundEvents events) {
        return new RepairEventListeners(recorder, events);
    }

    @Bean
    RepairApplications repairApplications(RepairFactsRepository facts, RepairApplicationRepository applications,
                                          MaterialStore materials, RepairEvents events, RepairEligibility eligibility,
                                          RepairTimeLimits limits, RepairProperties properties, AccessPolicy policy,
                                          Clock clock, Supplier<UUID> idSupplier) {
        return new RepairApplications(facts, applications, materials, events, eligibility, limits, properties, policy,
                clock, idSupplier);
    }

    @Bean
    CreditPlatform creditPlatform(RepairProperties properties, JsonMapper json, CircuitBreakerRegistry breakers,
                                  RetryRegistry retries, TimeLimiterRegistry timeLimiters) {
        return new HttpCreditPlatform(properties.creditPlatform().baseUrl(), json,
                breakers.circuitBreaker(HttpCreditPlatform.INSTANCE), retries.retry(HttpCreditPlatform.INSTANCE),
                timeLimiters.timeLimiter(HttpCreditPlatform.INSTANCE));
    }

    @Bean
    RepairResultSync repairResultSync(RepairApplicationRepository applications, RepairEvents events,
                                      CreditPlatform platform, RepairProperties properties, Clock clock) {
        return new RepairResultSync(applications, events, platform, properties, clock);
    }

    @Bean
    RepairSchedulers repairSchedulers(RepairResultSync sync, RepairFactsRecorder recorder,
                                      RepairProperties properties) {
        var s = properties.scheduler();
        return new RepairSchedulers(sync::runOnce, s.syncInterval(), () -> recorder.openDueWindows(s.lease()),
                s.windowInterval());
    }
}
