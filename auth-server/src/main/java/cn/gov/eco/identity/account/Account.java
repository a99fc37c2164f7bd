package cn.gov.eco.identity.account;

import cn.gov.eco.contracts.identity.IdentityClaims;
import cn.gov.eco.contracts.identity.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person who signs in: who they are and what the services may let them do. Configured in {@code auth-server.yml}
 * ({@code identity.accounts}).
 *
 * @param password       the stored password: {@code {bcrypt}…}, {@code {noop}…} or any other
 *                       {@code DelegatingPasswordEncoder} form; a value without an {@code {id}} prefix is taken as
 *                       plain text and bcrypt-encoded at start
 * @param uscc           the Unified Social Credit Codes an enterprise user acts for; empty for everyone else
 * @param legalQualified for legal reviewers: holds the legal-review qualification (法律职业资格); null for others
 * @param agency         the issuing organ for agency staff; null for enterprise users
 */
public record Account(String username, String password, String name, List<Role> roles, List<String> uscc,
                      Boolean legalQualified, String agency) {

    public Account {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an account needs a username");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("account " + username + " needs a password");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("account " + username + " needs a display name");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
        uscc = uscc == null ? List.of() : List.copyOf(uscc);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("account " + username + " has no role");
        }
        if (roles.contains(Role.ENTERPRISE) && uscc.isEmpty()) {
            throw new IllegalArgumentException("enterprise account " + username + " acts for no enterprise (uscc)");
        }
        if (!roles.contains(Role.ENTERPRISE) && !uscc.isEmpty()) {
            throw new IllegalArgumentException("account " + username + " has USCCs but not the ENTERPRISE role");
        }
    }

    @Override
    public String toString() {
        return "Account[" + username + ", " + name + ", " + roles + "]"; // never the password
    }

    public Account withPassword(String encoded) {
        return new Account(username, encoded, name, roles, uscc, legalQualified, agency);
    }

    /** The claims added to every token and to userinfo for this account, by {@link IdentityClaims} name. */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(IdentityClaims.NAME, name);
        claims.put(IdentityClaims.PREFERRED_USERNAME, username);
        claims.put(IdentityClaims.ROLES, roles.stream().map(Role::name).toList());
        if (!uscc.isEmpty()) {
            claims.put(IdentityClaims.USCC, uscc);
        }
        if (roles.contains(Role.LEGAL_REVIEWER)) {
            claims.put(IdentityClaims.LEGAL_QUALIFIED, Boolean.TRUE.equals(legalQualified));
        }
        if (agency != null && !agency.isBlank()) {
            claims.put(IdentityClaims.AGENCY, agency);
        }
        return claims;
    }
}
