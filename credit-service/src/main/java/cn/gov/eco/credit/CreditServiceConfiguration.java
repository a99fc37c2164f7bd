package cn.gov.eco.credit;

import cn.gov.eco.credit.level.application.CreditLevelQueries;
import cn.gov.eco.credit.level.application.CreditLevelService;
import cn.gov.eco.credit.level.infrastructure.CreditLevelProperties;
import cn.gov.eco.credit.level.infrastructure.CreditLevelRepository;
import cn.gov.eco.credit.level.infrastructure.LevelListeners;
import cn.gov.eco.credit.publicity.application.PublicityLifecycle;
import cn.gov.eco.credit.publicity.application.PublicityQueries;
import cn.gov.eco.credit.publicity.infrastructure.CaseOutcomeListener;
import cn.gov.eco.credit.publicity.infrastructure.CreditPublicityProperties;
import cn.gov.eco.credit.publicity.infrastructure.DualDeliveryCompletedListener;
import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.publicity.infrastructure.PublicityScheduler;
import cn.gov.eco.credit.publicity.infrastructure.RepairDecisionListener;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.security.AccessPolicy;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties({CreditPublicityProperties.class, CreditLevelProperties.class})
class CreditServiceConfiguration {

    @Bean
    PublicityRepository publicityRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json) {
        return new PublicityRepository(db, outbox, json);
    }

    @Bean
    PublicityLifecycle publicityLifecycle(PublicityRepository records, PublicityClassifier classifier,
                                          CreditPublicityProperties credit, Clock clock) {
        return new PublicityLifecycle(records, classifier, clock,
                credit.scheduler().lease());
    }

    @Bean
    PublicityQueries publicityQueries(PublicityRepository records, AccessPolicy policy, PublicityLifecycle lifecycle) {
        return new PublicityQueries(records, policy, lifecycle);
    }

    @Bean
    DualDeliveryCompletedListener dualDeliveryCompletedListener(PublicityLifecycle lifecycle, InboundEvents events) {
        return new DualDeliveryCompletedListener(lifecycle, events);
    }

    @Bean
    CaseOutcomeListener publicityCaseOutcomeListener(PublicityLifecycle lifecycle, InboundEvents events) {
        return new CaseOutcomeListener(lifecycle, events);
    }

    @Bean
    RepairDecisionListener publicityRepairDecisionListener(PublicityLifecycle lifecycle, InboundEvents events) {
        return new RepairDecisionListener(lifecycle, events);
    }

    @Bean
    PublicityScheduler publicityScheduler(PublicityLifecycle lifecycle, CreditPublicityProperties credit) {
        return new PublicityScheduler(lifecycle, credit.scheduler().interval());
    }

    @Bean
    CreditLevelRepository creditLevelRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json, Clock clock) {
        return new CreditLevelRepository(db, outbox, json, clock);
    }

    @Bean
    CreditLevelService creditLevelService(CreditLevelRepository levels, CreditLevelProperties properties, Clock clock) {
        return new CreditLevelService(levels, properties.levelRules(), properties.supervisionRules(), clock);
    }

    @Bean
    CreditLevelQueries creditLevelQueries(CreditLevelService levels, AccessPolicy policy) {
        return new CreditLevelQueries(levels, policy);
    }

    @Bean
    LevelListeners levelListeners(CreditLevelService levels, InboundEvents events) {
        return new LevelListeners(levels, events);
    }
}
