package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.Role;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The person or client behind a request, as its access token says: the subject, the display name, the roles, the
 * enterprises (by USCC) an enterprise user acts for, the legal-review qualification flag and the agency. Built only
 * from a validated token; application services decide with it and record it on every state change.
 *
 * <p>Claims (names configurable, {@link TokenClaims}): {@code sub}, {@code name}, {@code roles} (array),
 * {@code uscc} (array), {@code legal_qualified} (boolean), {@code agency}. Unknown role names are ignored, never
 * guessed.
 */
public record Actor(String userId, String name, Set<Role> roles, Set<String> usccs, boolean legalQualified,
                    String agency) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        usccs = Set.copyOf(usccs);
    }

    public static Actor from(Jwt jwt) {
        return from(jwt, TokenClaims.DEFAULTS);
    }

    public static Actor from(Jwt jwt, TokenClaims claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : strings(TokenClaims.at(jwt, claims.roles()))) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException unknown) {
                // a role of another application in the same identity provider: not ours
            }
        }
        Set<String> usccs = new LinkedHashSet<>(strings(TokenClaims.at(jwt, claims.uscc())));
        Object q = TokenClaims.at(jwt, claims.legalQualified());
        boolean qualified = q instanceof Boolean b ? b : "true".equals(String.valueOf(q));
        Object name = TokenClaims.at(jwt, claims.name());
        Object agency = TokenClaims.at(jwt, claims.agency());
        return new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name.toString(), roles, usccs, qualified,
                agency == null ? null : agency.toString());
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s.trim().split("[\\s,]+"));
        }
        return List.of();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> any) {
        return any.stream().anyMatch(roles::contains);
    }

    public boolean isAgencyStaff() {
        return roles.stream().anyMatch(Role::agencyStaff);
    }

    public boolean actsFor(String uscc) {
        return uscc != null && usccs.contains(uscc);
    }

    /** The first of {@code allowed} this actor holds, the role in which it acts; empty when none. */
    public java.util.Optional<Role> actingAs(Collection<Role> allowed) {
        return allowed.stream().filter(roles::contains).findFirst();
    }

    /** Who did it, as recorded on a state change. */
    public ActorRef ref(Role actingAs) {
        return new ActorRef(userId, name, actingAs);
    }

    @Override
    public String toString() {
        return userId + roles;
    }
}
