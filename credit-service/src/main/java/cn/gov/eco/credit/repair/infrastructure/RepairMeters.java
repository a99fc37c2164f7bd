package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.credit.repair.application.RepairApplications;
import cn.gov.eco.credit.repair.model.RepairApplication;
import cn.gov.eco.credit.repair.model.RepairStatus;
import cn.gov.eco.platform.observability.Sampled;
import cn.gov.eco.platform.observability.StatusCounts;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code lifecycle.repair.applications{status}}: the credit-repair applications (信用修复申请) in each status;
 * {@code lifecycle.repair.sla.breaches{limit}}: the open ones past a time limit.
 */
@Configuration(proxyBeanMethods = false)
public class RepairMeters {

    /** {@code lifecycle.repair.sla.breaches{limit}}: open applications past a time limit (T28 acceptance, T29 decision, T30 sync). */
    @Bean
    Sampled repairSlaBreaches(RepairApplications applications, MeterRegistry registry) {
        Map<String, Long> current = new ConcurrentHashMap<>();
        for (String limit : RepairApplication.OVERDUE_LIMITS) {
            current.put(limit, 0L);
            Gauge.builder("lifecycle.repair.sla.breaches", current, m -> m.getOrDefault(limit, 0L))
                    .description("Open credit-repair applications past a time limit (受理、审核、结果同步时限)")
                    .tag("limit", limit).register(registry);
        }
        return () -> current.putAll(applications.overdueCounts());
    }

    @Bean
    StatusCounts repairApplicationsByStatus(MongoDatabase serviceDatabase, MeterRegistry registry) {
        return new StatusCounts(serviceDatabase, registry, "lifecycle.repair.applications",
                "Credit-repair applications (信用修复申请) by status", RepairApplicationRepository.COLLECTION,
                Arrays.stream(RepairStatus.values()).map(Enum::name).toList());
    }
}
