package cn.gov.eco.gateway.portal;

import cn.gov.eco.platform.web.ProblemErrorController;
import cn.gov.eco.platform.web.ProblemErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The gateway's own errors in the services' form (issue 16, row 7): a path no route serves, a path Tomcat refuses
 * ({@code %2e%2e}, an encoded slash) are problem+json, not Boot's default error JSON or Tomcat's HTML page. The same
 * error page and report as the services, from the platform (whose auto-configuration the gateway excludes).
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemErrorController.class)
public class GatewayErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return ProblemErrorReportValve.installer();
    }
}
