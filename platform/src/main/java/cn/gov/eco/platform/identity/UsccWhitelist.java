package cn.gov.eco.platform.identity;

import java.util.Collection;
import java.util.Set;

/**
 * Codes an administrator verified by hand although their check character fails (DOMAIN §6, §8.5.1 [I]).
 * The caller supplies it, e.g. backed by a repository; it is asked with the normalised code.
 */
@FunctionalInterface
public interface UsccWhitelist {

    boolean contains(String normalizedCode);

    static UsccWhitelist none() {
        return code -> false;
    }

    static UsccWhitelist of(Collection<String> normalizedCodes) {
        Set<String> codes = Set.copyOf(normalizedCodes);
        return codes::contains;
    }
}
