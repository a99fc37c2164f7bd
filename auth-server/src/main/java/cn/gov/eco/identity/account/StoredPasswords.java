package cn.gov.eco.identity.account;

import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords and client secrets as configured: kept when already encoded, encoded once at start when plain. */
public final class StoredPasswords {

    /** {@code DelegatingPasswordEncoder}'s form: {@code {bcrypt}$2a$…}, {@code {noop}demo}. */
    private static final Pattern ENCODED = Pattern.compile("^\\{[^}]+}.*", Pattern.DOTALL);

    private StoredPasswords() {
    }

    /** {@code configured} as it is when it has an {@code {id}} prefix, else {@code encoder.encode(configured)}. */
    public static String encodeIfPlain(String configured, PasswordEncoder encoder) {
        return ENCODED.matcher(configured).matches() ? configured : encoder.encode(configured);
    }
}
