package cn.gov.eco.enforcement.casefile.infrastructure;

import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.enforcement.casefile.application.CaseWorkflow;
import cn.gov.eco.enforcement.casefile.model.CaseDeadlines;
import cn.gov.eco.enforcement.casefile.model.CaseRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.identity.UsccWhitelist;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.security.AccessPolicy;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** Wires the case flow: repository, 文号 counters, the rules from configuration and the application service. */
@Configuration
@EnableConfigurationProperties(CaseFlowProperties.class)
public class CaseFlowConfiguration {

    @Bean
    CaseFileRepository caseFileRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay,
                                          WorkingDayCalendar calendar) {
        return new CaseFileRepository(db, outbox, relay, calendar::calendarVersion);
    }

    @Bean
    MongoDocumentNumbers documentNumbers(MongoDatabase db, CaseFlowProperties properties) {
        return new MongoDocumentNumbers(db, properties.organ());
    }

    @Bean
    CaseRules caseRules(CaseFlowProperties properties) {
        return properties.rules();
    }

    @Bean
    CaseWorkflow caseWorkflow(CaseFileRepository repository, MongoDocumentNumbers numbers, AccessPolicy policy,
                              WorkingDayCalendar calendar, CaseRules rules, UsccWhitelist whitelist, Clock clock,
                              Supplier<UUID> ids, CaseFlowProperties properties, PublicityClassifier classifier) {
        return new CaseWorkflow(repository, numbers, policy, new CaseDeadlines(calendar, rules), rules, whitelist,
                clock, ids, properties.agency(), classifier);
    }
}
