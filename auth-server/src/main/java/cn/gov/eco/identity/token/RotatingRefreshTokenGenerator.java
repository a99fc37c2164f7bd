package cn.gov.eco.identity.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Opaque refresh tokens for every client registered with the refresh-token grant, the public {@code portal} included.
 * Spring's own generator refuses public clients at the code exchange; OAuth 2.1 §4.3.1 allows them refresh tokens
 * that are rotated, which every client here is configured for ({@code reuseRefreshTokens(false)}: each refresh
 * returns a new refresh token and the old one stops working).
 */
public final class RotatingRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
    private final Clock clock;

    public RotatingRefreshTokenGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        if (context.getRegisteredClient().getTokenSettings().isReuseRefreshTokens()) {
            throw new IllegalStateException("client " + context.getRegisteredClient().getClientId()
                    + " must rotate its refresh tokens (reuseRefreshTokens false)");
        }
        Instant issuedAt = clock.instant();
        return new OAuth2RefreshToken(values.generateKey(), issuedAt,
                issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
    }
}
