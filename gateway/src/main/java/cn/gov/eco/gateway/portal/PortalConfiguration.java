package cn.gov.eco.gateway.portal;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gov.eco.gateway.routing.UpstreamFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the portal (门户, module {@code portal}: static files under {@code META-INF/resources/portal/}) at
 * {@code /portal/}, its runtime configuration at {@code /portal/config.json}, and passes its token requests
 * (authorization code + PKCE, refresh) to the authorization server's token endpoint at {@code /portal/oauth2/token}.
 */
@Configuration(proxyBeanMethods = false)
public class PortalConfiguration implements WebMvcConfigurer {

    static final String TOKEN_PATH = "/portal/oauth2/token";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/portal/");
        registry.addRedirectViewController("/portal", "/portal/");
        registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // no build step, so no hashed file names: the browser revalidates every file (ETag / Last-Modified)
        registry.addResourceHandler("/portal/**")
                .addResourceLocations("classpath:/META-INF/resources/portal/")
                .setCacheControl(CacheControl.noCache());
    }

    /** What the portal's scripts need to sign in: the authorization server's browser-facing endpoints and the client. */
    @Bean
    RouterFunction<ServerResponse> portalConfig(PortalProperties portal) {
        String auth = portal.authServerUrl().toString().replaceAll("/+$", "");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clientId", portal.clientId());
        config.put("authorizationEndpoint", auth + "/oauth2/authorize");
        config.put("endSessionEndpoint", auth + "/connect/logout");
        config.put("tokenEndpoint", TOKEN_PATH);
        return RouterFunctions.route().GET("/portal/config.json", request -> ServerResponse.ok()
                .cacheControl(CacheControl.noStore()).body(config)).build();
    }

    /** The token endpoint on the portal's own origin (the authorization server sets no CORS headers). */
    @Bean
    RouterFunction<ServerResponse> portalTokenRoute(PortalProperties portal) {
        URI endpoint = portal.tokenEndpoint();
        URI target = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority());
        return route("auth-server-token")
                .POST(TOKEN_PATH, http())
                .before(uri(target))
                .before(setPath(endpoint.getRawPath()))
                .onError(UpstreamFailures::isUpstreamFailure, UpstreamFailures.answer("auth-server"))
                .build();
    }
}
