package cn.gov.eco.identity.password;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The resource-owner password grant (RFC 6749 §4.3): checks the client may use it, checks the user's password
 * against the same user store as the login form, then issues the same access token (same generator, same claims) as
 * the other grants (with an ID token when {@code scope=openid} is asked for) and records the authorization, so that
 * it can be revoked and answered for at {@code /userinfo} like any other.
 *
 * <p>A development convenience for scripts: OAuth 2.1 removes the grant because the client sees the password.
 */
public final class PasswordGrantAuthenticationProvider implements org.springframework.security.authentication.AuthenticationProvider {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final AuthenticationManager users;
    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    public PasswordGrantAuthenticationProvider(AuthenticationManager users, OAuth2AuthorizationService authorizations,
                                               OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.users = users;
        this.authorizations = authorizations;
        this.tokens = tokens;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var grant = (PasswordGrantAuthenticationToken) authentication;
        if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw error(OAuth2ErrorCodes.INVALID_CLIENT, null);
        }
        RegisteredClient registeredClient = client.getRegisteredClient();
        if (!registeredClient.getAuthorizationGrantTypes().contains(PasswordGrantAuthenticationToken.PASSWORD)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The client may not use the password grant");
        }
        Set<String> scopes = grant.getScopes();
        if (!registeredClient.getScopes().containsAll(scopes)) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, null);
        }

        Authentication user;
        try {
            user = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(grant.getUsername(), grant.getPassword()));
        } catch (AuthenticationException e) {
            // One answer for an unknown user and a wrong password (RFC 6749 §5.2: invalid_grant).
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Bad credentials");
        }

        DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
                .registeredClient(registeredClient)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD)
                .authorizationGrant(grant);
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registeredClient)
                .principalName(user.getName())
                .authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD)
                .authorizedScopes(scopes)
                .attribute(Principal.class.getName(), user);

        OAuth2TokenContext accessContext = context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build();
        OAuth2Token generated = tokens.generate(accessContext);
        if (generated == null) {
            throw error(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the access token");
        }
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, generated.getTokenValue(),
                generated.getIssuedAt(), generated.getExpiresAt(), accessContext.getAuthorizedScopes());
        if (generated instanceof ClaimAccessor claims) {
            authorization.token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                    claims.getClaims()));
        } else {
            authorization.accessToken(accessToken);
        }

        OAuth2RefreshToken refreshToken = null;
        if (registeredClient.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            OAuth2Token refresh = tokens.generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
            if (refresh instanceof OAuth2RefreshToken r) {
                refreshToken = r;
                authorization.refreshToken(r);
            }
        }
        Map<String, Object> additionalParameters = Map.of();
        if (scopes.contains(OidcScopes.OPENID)) {
            // an ID token too, as for the authorization code grant: userinfo answers only for authorizations with one
            OAuth2Token generatedId = tokens.generate(context.tokenType(ID_TOKEN).authorization(authorization.build()).build());
            if (!(generatedId instanceof Jwt jwt)) {
                throw error(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the ID token");
            }
            var idToken = new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
            authorization.token(idToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                    idToken.getClaims()));
            additionalParameters = Map.of(OidcParameterNames.ID_TOKEN, idToken.getTokenValue());
        }
        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken, refreshToken,
                additionalParameters);
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description,
                "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
    }
}
