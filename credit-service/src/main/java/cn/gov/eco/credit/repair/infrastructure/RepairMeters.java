package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.credit.repair.model.RepairStatus;
import cn.gov.eco.platform.observability.StatusCounts;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/** {@code lifecycle.repair.applications{status}}: the credit-repair applications (信用修复申请) in each status. */
@Configuration(proxyBeanMethods = false)
public class RepairMeters {

    @Bean
    StatusCounts repairApplicationsByStatus(MongoDatabase serviceDatabase, MeterRegistry registry) {
        return new StatusCounts(serviceDatabase, registry, "lifecycle.repair.applications",
                "Credit-repair applications (信用修复申请) by status", RepairApplicationRepository.COLLECTION,
                Arrays.stream(RepairStatus.values()).map(Enum::name).toList());
    }
}
