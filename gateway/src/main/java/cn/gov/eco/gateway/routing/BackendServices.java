package cn.gov.eco.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are ({@code gateway.services.*}; in {@code gateway.yml} from {@code CASE_SERVICE_URL},
 * {@code NOTICE_SERVICE_URL}, {@code CREDIT_SERVICE_URL},
 * {@code DASHBOARD_SERVICE_URL}).
 */
@ConfigurationProperties("gateway.services")
public record BackendServices(
        @DefaultValue("http://localhost:8081") URI caseService,
        @DefaultValue("http://localhost:8082") URI noticeService,
        @DefaultValue("http://localhost:8083") URI creditService,
        @DefaultValue("http://localhost:8084") URI dashboardService) {
}
