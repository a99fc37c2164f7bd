package cn.gov.eco.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: {@code /api/**} needs a valid bearer JWT (signature from the identity
 * provider's JWK set, issuer, expiry); an unknown or expired token is 401, a refused one 403, both problem+json and
 * logged. Only health probes and the OpenAPI document are open. The provider is configuration:
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code jwk-set-uri}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(TokenClaims.class)
public class PlatformSecurityConfiguration {

    /** Paths served without a token: probes for the orchestrator and the API description (no data). */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/error"};

    @Bean
    @ConditionalOnMissingBean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, TokenClaims claims) throws Exception {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(rolesConverter(claims)))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e);
                            AccessPolicy.AUDIT.warn("unauthenticated: who=anonymous what={} {} why={}",
                                    request.getMethod(), request.getRequestURI(), e.getMessage());
                            ProblemResponses.write(response, 401, "unauthenticated", "未认证", "Unauthenticated",
                                    "缺少有效的访问令牌，或令牌已过期、签名无效", "A valid, unexpired access token is required: "
                                            + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            AccessPolicy.AUDIT.warn("access denied: who={} what={} {} why={}",
                                    request.getUserPrincipal() == null ? "anonymous"
                                            : request.getUserPrincipal().getName(),
                                    request.getMethod(), request.getRequestURI(), e.getMessage());
                            ProblemResponses.write(response, 403, "forbidden", "无权访问", "Forbidden",
                                    "令牌的权限不足", "The token does not allow this: " + e.getMessage());
                        }))
                .exceptionHandling(x -> x.authenticationEntryPoint((request, response, e) -> {
                    bearer.commence(request, response, e);
                    AccessPolicy.AUDIT.warn("unauthenticated: who=anonymous what={} {} why=no bearer token",
                            request.getMethod(), request.getRequestURI());
                    ProblemResponses.write(response, 401, "unauthenticated", "未认证", "Unauthenticated",
                            "请求未携带访问令牌", "The request carries no bearer access token");
                }));
        return http.build();
    }

    /** The token's {@code roles} claim as {@code ROLE_*} authorities, for Spring Security's own checks. */
    static JwtAuthenticationConverter rolesConverter(TokenClaims claims) {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> out = new java.util.ArrayList<>();
            for (Role r : Actor.from(jwt, claims).roles()) {
                out.add(new SimpleGrantedAuthority("ROLE_" + r.name()));
            }
            return out;
        });
        return converter;
    }

    @Bean
    WebMvcConfigurer accessRules(AccessPolicy policy, TokenClaims claims) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessInterceptor(policy, claims)).addPathPatterns("/api/**");
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver(claims));
            }
        };
    }
}
