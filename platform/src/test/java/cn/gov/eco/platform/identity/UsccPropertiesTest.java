package cn.gov.eco.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UsccPropertiesTest {

    @Provide
    Arbitrary<String> bodies() {
        net.jqwik.api.arbitraries.StringArbitrary charset = Arbitraries.strings().withChars(Uscc.CHARSET.toCharArray());
        // position 1 is a GB 32100 registration authority (1-9, A, N, Y); the rest any character of the set
        return net.jqwik.api.Combinators.combine(Arbitraries.of('1', '5', '9', 'A', 'N', 'Y'), charset.ofLength(1),
                Arbitraries.strings().numeric().ofLength(6), charset.ofLength(9))
                .as((r, a, b, c) -> r + a + b + c);
    }

    @Property
    void theComputedCheckCharacterMakesAValidCodeAndAnyOtherBreaksIt(@ForAll("bodies") String body) {
        char check = Uscc.checkCharacter(body);
        assertThat(Uscc.check(body + check).status()).isEqualTo(UsccStatus.VALID);
        for (char other : Uscc.CHARSET.toCharArray()) {
            if (other != check) {
                UsccCheck result = Uscc.check(body + other);
                assertThat(result.status()).isEqualTo(UsccStatus.NEEDS_MANUAL_VERIFICATION);
                assertThat(result.violations()).extracting(Violation::code).containsExactly(Uscc.USCC_CHECK_CHARACTER);
            }
        }
    }

    @Property
    void changingOneBodyCharacterIsDetected(@ForAll("bodies") String body, @ForAll("positions") int position,
                                            @ForAll("charsetChars") char replacement) {
        String code = body + Uscc.checkCharacter(body);
        if (code.charAt(position) == replacement || (position >= 2 && position < 8 && !Character.isDigit(replacement))
                || (position == 0 && "123456789ANY".indexOf(replacement) < 0)) {
            return;
        }
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
        // weights are non-zero mod the prime 31, so a single substitution always changes the sum
        assertThat(Uscc.check(changed).status()).isEqualTo(UsccStatus.NEEDS_MANUAL_VERIFICATION);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Character> charsetChars() {
        return Arbitraries.of(Uscc.CHARSET.chars().mapToObj(c -> (char) c).toList());
    }

    @Property
    void aCodeWhoseRegistrationAuthorityIsNotAGb32100CodeIsMalformed(@ForAll("bodies") String body,
                                                                   @ForAll("charsetChars") char authority) {
        net.jqwik.api.Assume.that("123456789ANY".indexOf(authority) < 0);
        String changed = authority + body.substring(1);
        UsccCheck result = Uscc.check(changed + Uscc.checkCharacter(changed));
        assertThat(result.status()).isEqualTo(UsccStatus.INVALID);
        assertThat(result.violations()).extracting(Violation::code).contains(Uscc.USCC_REGISTRATION_AUTHORITY);
    }

    @Property
    void normalisingIsIdempotentAndLowerCaseInputIsAccepted(@ForAll("bodies") String body) {
        String code = body + Uscc.checkCharacter(body);
        assertThat(Uscc.normalize(Uscc.normalize(code.toLowerCase()))).isEqualTo(code);
        assertThat(Uscc.of(code.toLowerCase()).value()).isEqualTo(code);
    }
}
