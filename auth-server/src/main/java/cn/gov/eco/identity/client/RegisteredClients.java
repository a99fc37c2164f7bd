package cn.gov.eco.identity.client;

import java.util.ArrayList;
import java.util.List;

import cn.gov.eco.identity.IdentityProperties;
import cn.gov.eco.identity.account.StoredPasswords;
import cn.gov.eco.identity.password.PasswordGrantAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The three clients of the embedded default:
 * <ul>
 *   <li>{@code portal}: the browser portal, a public client: authorization code with PKCE (S256) required, no consent
 *       screen, OpenID Connect scopes, rotating refresh tokens;</li>
 *   <li>{@code cli}: scripts and the README's curl walkthrough, confidential, the password grant only (and only when
 *       {@code identity.password-grant.enabled});</li>
 *   <li>{@code dashboard}: dashboards and other services reading for themselves, confidential, client credentials;
 *       its tokens carry the configured roles ({@code DASHBOARD}).</li>
 * </ul>
 */
public final class RegisteredClients {

    private RegisteredClients() {
    }

    public static List<RegisteredClient> of(IdentityProperties identity, PasswordEncoder encoder) {
        var clients = identity.clients();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(identity.accessTokenLifetime())
                .refreshTokenTimeToLive(identity.refreshTokenLifetime())
                .reuseRefreshTokens(false)
                .build();
        List<RegisteredClient> all = new ArrayList<>();

        var portal = clients.portal();
        if (portal.allRedirectUris().isEmpty()) {
            throw new IllegalStateException("identity.clients.portal.redirect-uris is empty");
        }
        all.add(RegisteredClient.withId(portal.clientId())
                .clientId(portal.clientId())
                .clientName("执法与信用修复门户 portal")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(portal.allRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(portal.allPostLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build());

        var cli = clients.cli();
        if (identity.passwordGrant().enabled()) {
            all.add(RegisteredClient.withId(cli.clientId())
                    .clientId(cli.clientId())
                    .clientName("command line and scripts")
                    .clientSecret(encodedSecret(cli.clientId(), cli.secret(), encoder))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .tokenSettings(tokens)
                    .build());
        }

        var dashboard = clients.dashboard();
        all.add(RegisteredClient.withId(dashboard.clientId())
                .clientId(dashboard.clientId())
                .clientName("dashboards (read-only)")
                .clientSecret(encodedSecret(dashboard.clientId(), dashboard.secret(), encoder))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientRoles.put(ClientSettings.builder().requireAuthorizationConsent(false),
                        dashboard.roles()).build())
                .tokenSettings(tokens)
                .build());
        return all;
    }

    /** A secret given as plain text is bcrypt-encoded once, here; one with an {@code {id}} prefix is kept as it is. */
    private static String encodedSecret(String clientId, String secret, PasswordEncoder encoder) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("client " + clientId + " has no secret (identity.clients." + clientId + ".secret)");
        }
        return StoredPasswords.encodeIfPlain(secret, encoder);
    }
}
