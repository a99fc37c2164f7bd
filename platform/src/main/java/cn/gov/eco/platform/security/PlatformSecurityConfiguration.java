package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.Role;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: {@code /api/**} needs a valid bearer JWT (signature from the identity
 * provider's JWK set, issuer, expiry); an unknown or expired token is 401, a refused one 403, both problem+json and
 * logged. Only health probes and the OpenAPI document are open, and the endpoints that services declare as
 * {@link TokenExemptPath} beans (outside systems' callbacks, authenticated by their own signature). The provider is
 * configuration:
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code jwk-set-uri}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(TokenClaims.class)
public class PlatformSecurityConfiguration {

    /**
     * Paths served without a token: probes for the orchestrator, the API description and the Prometheus scrape
     * (no data: meters carry no personal data in their tags).
     */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error"};

    /** The content security policy of every API answer: JSON and PDFs, no scripts, no framing. */
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * A request Spring Security's firewall refuses ({@code ..}, {@code %2e%2e}, {@code ;x=1}, encoded separators):
     * 400 problem+json naming the {@code path}, like every other error, not the container's default page
     * (issue 16, row 7).
     */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            AccessPolicy.AUDIT.warn("request rejected by the firewall: {} {} why={}", request.getMethod(),
                    request.getRequestURI(), e.getMessage());
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "path",
                    "请求路径含有不允许的字符或片段（如 ..、编码的分隔符、分号参数），已被拒绝",
                    "The path contains characters or segments that are not allowed (such as .., encoded separators, "
                            + "semicolon parameters) and was refused");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, TokenClaims claims, ObjectProvider<TokenExemptPath> exempt)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        String[] exemptPaths = exempt.orderedStream().peek(e -> AccessPolicy.AUDIT.info(
                "token-exempt endpoint {}: authenticated by {}", e.pattern(), e.authenticatedBy()))
                .map(TokenExemptPath::pattern).toArray(String[]::new);
        // an API answers data, never pages: nothing may run, embed or frame it (issue 16, row 8). Token-exempt paths
        // are left to the gateway: they are outside systems' callbacks (no browser) or a page's static files (the
        // dashboard's), which the gateway serves under its page policy; two policies would forbid the page's scripts.
        RequestMatcher api = exemptPaths.length == 0 ? AnyRequestMatcher.INSTANCE
                : new NegatedRequestMatcher(new OrRequestMatcher(java.util.Arrays.stream(exemptPaths)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList()));
        http.csrf(c -> c.disable())
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(api,
                                new ContentSecurityPolicyHeaderWriter(API_CSP)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(OPEN_PATHS).permitAll();
                    if (exemptPaths.length > 0) {
                        // outside systems' signed callbacks: the endpoint checks the signature (TokenExemptPath)
                        a.requestMatchers(exemptPaths).permitAll();
                    }
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(rolesConverter(claims)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            AccessPolicy.AUDIT.warn("access denied: who={} what={} {} why={}",
                                    request.getUserPrincipal() == null ? "anonymous"
                                            : request.getUserPrincipal().getName(),
                                    request.getMethod(), request.getRequestURI(), e.getMessage());
                            ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                    "令牌的权限不足", "The token does not allow this: " + e.getMessage());
                        }))
                .exceptionHandling(x -> x.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    /**
     * 401 for a request without a token (reported by the exception translation) and for a token that fails
     * validation (reported by the bearer-token filter): the bearer challenge, a log line and the problem.
     */
    private static AuthenticationEntryPoint unauthenticated() {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            boolean tokenSent = request.getHeader("Authorization") != null;
            String why = tokenSent ? e.getMessage() : "no bearer token";
            AccessPolicy.AUDIT.warn("unauthenticated: who=anonymous what={} {} why={}", request.getMethod(),
                    request.getRequestURI(), why);
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    tokenSent ? "访问令牌无效、已过期或签名不可信" : "请求未携带访问令牌",
                    tokenSent ? "A valid, unexpired access token is required: " + e.getMessage()
                            : "The request carries no bearer access token");
        };
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
