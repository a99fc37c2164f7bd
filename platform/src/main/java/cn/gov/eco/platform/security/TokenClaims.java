package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.IdentityClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Map;

/**
 * Where in the access token each fact about the actor is, so that any OIDC provider can be used by configuration
 * ({@code platform.security.claims.*}). A dotted name walks into nested objects, e.g. Keycloak's realm roles are
 * {@code realm_access.roles}. Defaults are the embedded authorization server's claims.
 */
@ConfigurationProperties("platform.security.claims")
public record TokenClaims(String roles, String uscc, String legalQualified, String agency, String name) {

    public static final TokenClaims DEFAULTS = new TokenClaims(null, null, null, null, null);

    public TokenClaims {
        roles = roles == null ? IdentityClaims.ROLES : roles;
        uscc = uscc == null ? IdentityClaims.USCC : uscc;
        legalQualified = legalQualified == null ? IdentityClaims.LEGAL_QUALIFIED : legalQualified;
        agency = agency == null ? IdentityClaims.AGENCY : agency;
        name = name == null ? IdentityClaims.NAME : name;
    }

    /** The claim at a dotted path, or null. */
    static Object at(Jwt jwt, String path) {
        Object current = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
