package cn.gov.eco.credit;

import cn.gov.eco.credit.publicity.application.PublicityOpener;
import cn.gov.eco.credit.publicity.application.PublicityQueries;
import cn.gov.eco.credit.publicity.infrastructure.DualDeliveryCompletedListener;
import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.security.AccessPolicy;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

@Configuration
class CreditServiceConfiguration {

    @Bean
    PublicityRepository publicityRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json) {
        return new PublicityRepository(db, outbox, json);
    }

    @Bean
    PublicityQueries publicityQueries(PublicityRepository records, AccessPolicy policy) {
        return new PublicityQueries(records, policy);
    }

    @Bean
    PublicityOpener publicityOpener(PublicityRepository records, PublicityPeriods periods, Clock clock) {
        return new PublicityOpener(records, periods, clock);
    }

    @Bean
    DualDeliveryCompletedListener dualDeliveryCompletedListener(PublicityOpener opener, InboundEvents events) {
        return new DualDeliveryCompletedListener(opener, events);
    }
}
