package cn.gov.eco.identity.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.gov.eco.identity.IdentityProperties;
import cn.gov.eco.identity.account.AccountDirectory;
import cn.gov.eco.identity.client.RegisteredClients;
import cn.gov.eco.identity.password.PasswordGrantAuthenticationConverter;
import cn.gov.eco.identity.password.PasswordGrantAuthenticationProvider;
import cn.gov.eco.identity.client.PublicClientRefreshAuthenticationConverter;
import cn.gov.eco.identity.client.PublicClientRefreshAuthenticationProvider;
import cn.gov.eco.identity.token.AccountClaimsCustomizer;
import cn.gov.eco.identity.token.RotatingRefreshTokenGenerator;
import cn.gov.eco.identity.token.SigningKeys;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Spring Authorization Server for the embedded default: OAuth 2 and OpenID Connect endpoints on one filter chain,
 * the login form on another. Everything is in memory: clients and accounts come from configuration, issued
 * authorizations live until a restart.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountDirectory accountDirectory(IdentityProperties identity, PasswordEncoder encoder) {
        return new AccountDirectory(identity.accounts(), encoder);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties identity, PasswordEncoder encoder) {
        return new InMemoryRegisteredClientRepository(RegisteredClients.of(identity, encoder));
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties identity, ResourceLoader resources) {
        RSAKey key = SigningKeys.from(identity.signingKey(), resources);
        if (identity.signingKey().generated()) {
            log.info("Signing tokens with an RSA key generated at start (kid {}): tokens do not survive a restart."
                    + " Set identity.signing-key.keystore to load a key instead.", key.getKeyID());
        } else {
            log.info("Signing tokens with the key from {} (kid {})", identity.signingKey().keystore(), key.getKeyID());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** A blank {@code identity.issuer} leaves the issuer unset: Spring derives it from each request. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
        var settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(identity.issuer())) {
            settings.issuer(identity.issuer());
        }
        return settings.build();
    }

    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JWKSource<SecurityContext> jwkSource, AccountDirectory accounts) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwt.setJwtCustomizer(new AccountClaimsCustomizer(accounts));
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(),
                new RotatingRefreshTokenGenerator(Clock.systemUTC()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, IdentityProperties identity,
                                                     AccountDirectory accounts, PasswordEncoder encoder,
                                                     RegisteredClientRepository clients,
                                                     OAuth2AuthorizationService authorizations,
                                                     OAuth2TokenGenerator<OAuth2Token> tokens) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.tokenGenerator(tokens);
                    // the public portal refreshes with its client_id alone (its refresh tokens rotate)
                    server.clientAuthentication(clientAuthentication -> clientAuthentication
                            .authenticationConverter(new PublicClientRefreshAuthenticationConverter())
                            .authenticationProvider(new PublicClientRefreshAuthenticationProvider(clients)));
                    server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(
                            context -> userInfo(context, accounts))));
                    if (identity.passwordGrant().enabled()) {
                        server.tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                                .authenticationProvider(new PasswordGrantAuthenticationProvider(
                                        userAuthentication(accounts, encoder), authorizations, tokens)));
                    }
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the userinfo endpoint takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // a browser that is not signed in yet goes to the login form
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), html()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/error", "/assets/**").permitAll()
                        .anyRequest().authenticated())
                // the Chinese sign-in page (SignInPage); the form posts to Spring's own POST /login
                .formLogin(form -> form.loginPage(SignInPage.PATH).permitAll());
        return http.build();
    }

    /** The same user store and password check as the login form, for the password grant. */
    private static AuthenticationManager userAuthentication(AccountDirectory accounts, PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context, AccountDirectory accounts) {
        String username = context.getAuthorization().getPrincipalName();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, username);
        accounts.find(username).ifPresent(account -> claims.putAll(account.claims()));
        return new OidcUserInfo(claims);
    }

    private static MediaTypeRequestMatcher html() {
        var matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }
}
