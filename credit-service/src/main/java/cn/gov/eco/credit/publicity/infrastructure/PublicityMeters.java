package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.credit.publicity.model.PublicityStatus;
import cn.gov.eco.platform.observability.StatusCounts;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/** {@code lifecycle.publicity.records{status}}: the publicity records (信用公示记录) in each status, for operators. */
@Configuration(proxyBeanMethods = false)
public class PublicityMeters {

    @Bean
    StatusCounts publicityRecordsByStatus(MongoDatabase serviceDatabase, MeterRegistry registry) {
        return new StatusCounts(serviceDatabase, registry, "lifecycle.publicity.records",
                "Publicity records (信用公示记录) by status", PublicityRepository.COLLECTION,
                Arrays.stream(PublicityStatus.values()).map(Enum::name).toList());
    }
}
