package cn.gov.eco.enforcement;

import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.enforcement.casefile.model.CaseRules;
import cn.gov.eco.enforcement.casefile.model.CaseState;
import cn.gov.eco.enforcement.execution.model.ExecutionState;
import cn.gov.eco.enforcement.search.application.CaseSearch;
import cn.gov.eco.enforcement.search.infrastructure.MongoCaseSearch;
import cn.gov.eco.enforcement.decision.application.CaseQueries;
import cn.gov.eco.enforcement.decision.application.DecisionRecorder;
import cn.gov.eco.enforcement.decision.application.DecisionValidator;
import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.identity.UsccWhitelist;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.security.AccessPolicy;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@Configuration
class CaseServiceConfiguration {

    @Bean
    CaseRepository caseRepository(MongoDatabase db, OutboxWriter outbox, WorkingDayCalendar calendar) {
        return new CaseRepository(db, outbox, calendar::calendarVersion);
    }

    /** Codes that fail the mod-31 check but are real, after an administrator verified them (DOMAIN.md §6). */
    @Bean
    UsccWhitelist usccWhitelist(@Value("${enforcement.uscc.manually-verified:}") List<String> verified) {
        return UsccWhitelist.of(verified);
    }

    @Bean
    CaseQueries caseQueries(CaseRepository repository, AccessPolicy policy, Clock clock) {
        return new CaseQueries(repository, policy, clock);
    }

    @Bean
    CaseSearch caseSearch(MongoDatabase db) {
        var states = new java.util.HashSet<String>();
        java.util.Arrays.stream(CaseState.values()).map(Enum::name).forEach(states::add);
        java.util.Arrays.stream(ExecutionState.values()).map(Enum::name).forEach(states::add);
        return new CaseSearch(new MongoCaseSearch(db), states);
    }

    @Bean
    DecisionRecorder decisionRecorder(WorkingDayCalendar calendar, UsccWhitelist whitelist, CaseRepository repository,
                                      Clock clock, Supplier<UUID> idSupplier, CaseRules caseRules,
                                      PublicityClassifier classifier) {
        return new DecisionRecorder(new DecisionValidator(calendar, whitelist, caseRules), repository, classifier,
                clock, idSupplier);
    }
}
