package cn.gov.eco.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.gov.eco.identity.account.Account;
import cn.gov.eco.contracts.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the auth server is configured with ({@code identity.*} in {@code auth-server.yml}).
 *
 * @param issuer               the issuer URL ({@code iss}, discovery); blank = derived from each request's scheme, host
 *                             and port (what the tests use with a random port)
 * @param accessTokenLifetime  lifetime of access tokens (default 1 h)
 * @param refreshTokenLifetime lifetime of refresh tokens
 * @param signingKey           where the RSA signing key comes from
 * @param passwordGrant        the resource-owner password grant for the {@code cli} client (a development convenience)
 * @param clients              the registered clients' settings
 * @param accounts             the people who can sign in
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("8h") Duration refreshTokenLifetime,
        @DefaultValue SigningKey signingKey,
        @DefaultValue PasswordGrant passwordGrant,
        @DefaultValue Clients clients,
        List<Account> accounts) {

    public IdentityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /**
     * The RSA key that signs tokens. Without a keystore a 2048-bit key is generated at each start, which is right for
     * the embedded default only: every restart invalidates the tokens issued before it. Anywhere else, load a key from
     * a PKCS#12 keystore.
     *
     * @param keystore         a Spring resource location of a PKCS#12 file ({@code file:/etc/identity/signing.p12}); blank = generate
     * @param keystorePassword the keystore's password
     * @param alias            the key entry; blank = the keystore's only key entry
     * @param keyPassword      the key's password; blank = the keystore's password
     */
    public record SigningKey(String keystore, String keystorePassword, String alias, String keyPassword) {

        public boolean generated() {
            return keystore == null || keystore.isBlank();
        }
    }

    /**
     * The OAuth 2.0 resource-owner password grant ({@code grant_type=password}) for the {@code cli} client: a
     * development convenience for scripts and the README's curl walkthrough. OAuth 2.1 drops the grant; real OIDC
     * providers offer it under other names (Keycloak: "direct access grants") and should have it switched off.
     */
    public record PasswordGrant(@DefaultValue("false") boolean enabled) {
    }

    public record Clients(@DefaultValue Portal portal, @DefaultValue Cli cli, @DefaultValue Dashboard dashboard) {
    }

    /**
     * The browser client: public, authorization code with PKCE, no consent screen.
     *
     * @param redirectUris                the registered redirect URIs (exact match; for a loopback IP address such as
     *                                    {@code 127.0.0.1} any port, RFC 8252 §7.3)
     * @param extraRedirectUris           more redirect URIs, e.g. from {@code PORTAL_REDIRECT_URIS} (comma-separated)
     * @param postLogoutRedirectUris      where the authorization server may send the browser after signing out
     *                                    (OpenID Connect RP-initiated logout; exact match, port included)
     * @param extraPostLogoutRedirectUris more of them, e.g. from {@code PORTAL_POST_LOGOUT_REDIRECT_URIS}
     */
    public record Portal(@DefaultValue("portal") String clientId, List<String> redirectUris,
                         List<String> extraRedirectUris, List<String> postLogoutRedirectUris,
                         List<String> extraPostLogoutRedirectUris) {

        public Portal {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            extraRedirectUris = extraRedirectUris == null ? List.of() : List.copyOf(extraRedirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            extraPostLogoutRedirectUris = extraPostLogoutRedirectUris == null ? List.of()
                    : List.copyOf(extraPostLogoutRedirectUris);
        }

        public List<String> allRedirectUris() {
            return union(redirectUris, extraRedirectUris);
        }

        public List<String> allPostLogoutRedirectUris() {
            return union(postLogoutRedirectUris, extraPostLogoutRedirectUris);
        }

        private static List<String> union(List<String> configured, List<String> extra) {
            List<String> all = new ArrayList<>(configured);
            extra.stream().map(String::trim).filter(s -> !s.isEmpty() && !all.contains(s)).forEach(all::add);
            return all;
        }
    }

    /** The scripts' client: confidential, password grant only. */
    public record Cli(@DefaultValue("cli") String clientId, String secret) {
    }

    /** The dashboards' client: confidential, client credentials; its tokens carry {@code roles}. */
    public record Dashboard(@DefaultValue("dashboard") String clientId, String secret,
                            @DefaultValue("DASHBOARD") List<Role> roles) {
    }
}
