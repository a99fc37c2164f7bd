package cn.gov.eco.identity.account;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The configured accounts, by username: the user store of the login form and of the password grant alike, and the
 * source of the claims put into tokens.
 */
public final class AccountDirectory implements UserDetailsService {

    private final Map<String, Account> byUsername = new LinkedHashMap<>();

    /**
     * @param encoder encodes passwords given as plain text (no {@code {id}} prefix) once, at start
     */
    public AccountDirectory(List<Account> accounts, PasswordEncoder encoder) {
        for (Account a : accounts) {
            String stored = StoredPasswords.encodeIfPlain(a.password(), encoder);
            if (byUsername.putIfAbsent(a.username(), a.withPassword(stored)) != null) {
                throw new IllegalArgumentException("account " + a.username() + " is configured twice");
            }
        }
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public Collection<Account> all() {
        return byUsername.values();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = byUsername.get(username);
        if (a == null) {
            throw new UsernameNotFoundException("no such account");
        }
        return User.withUsername(a.username())
                .password(a.password())
                .authorities(a.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                .build();
    }
}
