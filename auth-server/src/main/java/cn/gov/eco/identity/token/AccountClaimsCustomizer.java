package cn.gov.eco.identity.token;

import java.util.List;

import cn.gov.eco.identity.account.AccountDirectory;
import cn.gov.eco.contracts.identity.IdentityClaims;
import cn.gov.eco.identity.client.ClientRoles;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the account's claims ({@link IdentityClaims}) into access tokens and ID tokens, whatever the grant: the login
 * form (authorization code), the password grant and refresh all end here. A client-credentials token speaks for the
 * client: {@code sub} is the client id and {@code roles} are the client's configured roles.
 */
public final class AccountClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final AccountDirectory accounts;

    public AccountClaimsCustomizer(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !ID_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            List<String> roles = ClientRoles.of(context.getRegisteredClient());
            if (!roles.isEmpty()) {
                context.getClaims().claim(IdentityClaims.ROLES, roles);
            }
            return;
        }
        accounts.find(context.getPrincipal().getName())
                .ifPresent(account -> account.claims().forEach((name, value) -> context.getClaims().claim(name, value)));
    }
}
