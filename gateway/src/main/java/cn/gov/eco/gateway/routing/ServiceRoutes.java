package cn.gov.eco.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.rewritePath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes, one bean per service: its REST paths unchanged, its OpenAPI document under {@code /openapi/<service>}.
 *
 * <p>No route retries. A POST, PUT, PATCH or DELETE that failed somewhere between the gateway and the service may
 * have been carried out, and repeating it could record a decision or a payment twice; the caller sees the failure
 * and decides. (GETs are not retried either: the services answer quickly or not at all.)
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutes {

    static final String OPENAPI_PATH = "/v3/api-docs";

    @Bean
    RouterFunction<ServerResponse> caseServiceRoutes(BackendServices services) {
        // the working-day calendar (/api/calendar/**) is administered by case-service
        return routes("case-service", services.caseService(), "/api/cases", "/api/cases/**", "/api/calendar/**");
    }

    @Bean
    RouterFunction<ServerResponse> noticeServiceRoutes(BackendServices services) {
        return routes("notice-service", services.noticeService(), "/api/deliveries", "/api/deliveries/**");
    }

    @Bean
    RouterFunction<ServerResponse> creditServiceRoutes(BackendServices services) {
        return routes("credit-service", services.creditService(), "/api/enterprises", "/api/enterprises/**",
                "/api/repair-applications", "/api/repair-applications/**");
    }

    /**
     * The lifecycle dashboard (数据看板): its API, its page at {@code /dashboard/} and the charting library the page
     * loads. Server-sent events ({@code /api/dashboard/stream}) pass through like any other GET.
     */
    @Bean
    RouterFunction<ServerResponse> dashboardServiceRoutes(BackendServices services) {
        return routes("dashboard-service", services.dashboardService(), "/api/dashboard", "/api/dashboard/**",
                "/dashboard", "/dashboard/**", "/webjars/echarts/**");
    }

    private static RouterFunction<ServerResponse> routes(String service, URI target, String... paths) {
        RouterFunction<ServerResponse> api = route(service)
                .route(path(paths), http())
                .before(uri(target))
                .onError(UpstreamFailures::isUpstreamFailure, UpstreamFailures.answer(service))
                .build();
        RouterFunction<ServerResponse> openApi = route(service + "-openapi")
                .GET("/openapi/" + service, http())
                .before(uri(target))
                .before(setPath(OPENAPI_PATH))
                .onError(UpstreamFailures::isUpstreamFailure, UpstreamFailures.answer(service))
                .build();
        // the service's stuck-work queue (GET /api/operations/stuck, POST …/{id}/replay), one per service
        RouterFunction<ServerResponse> stuck = route(service + "-stuck-work")
                .route(path("/api/operations/" + service + "/stuck", "/api/operations/" + service + "/stuck/**"), http())
                .before(uri(target))
                .before(rewritePath("/api/operations/" + service + "/stuck(?<rest>.*)", "/api/operations/stuck${rest}"))
                .onError(UpstreamFailures::isUpstreamFailure, UpstreamFailures.answer(service))
                .build();
        return api.and(openApi).and(stuck);
    }
}
