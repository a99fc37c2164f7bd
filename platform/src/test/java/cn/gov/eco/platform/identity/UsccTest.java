package cn.gov.eco.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350500MA2Y0001XX", "91350582MA8R00014H", "91350200776049653A", "91350503MA31DKY80A",
            "91440101MA5CJQ4N59", "9135021359498494XQ", "91350503155000013G", "91350521MA34AB123H"})
    void shouldAcceptCodesWhoseCheckCharacterIsRight(String code) {
        UsccCheck check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(UsccStatus.VALID);
        assertThat(check.violations()).isEmpty();
        assertThat(Uscc.of(code).value()).isEqualTo(code);
        assertThat(Uscc.of(code).manuallyVerified()).isFalse();
    }

    @Test
    void shouldFlagAWrongCheckCharacterForManualVerification() {
        UsccCheck check = Uscc.check("91350500MA2Y0001XY");
        assertThat(check.status()).isEqualTo(UsccStatus.NEEDS_MANUAL_VERIFICATION);
        assertThat(check.violations()).extracting(Violation::code).containsExactly(Uscc.USCC_CHECK_CHARACTER);
        assertThat(check.violations().getFirst().messageEn()).contains("expected X, found Y");
        assertThat(check.violations().getFirst().messageZh()).contains("校验位不符");
        assertThatThrownBy(() -> Uscc.of("91350500MA2Y0001XY")).isInstanceOf(InvalidUsccException.class)
                .satisfies(e -> assertThat(((InvalidUsccException) e).violation().code()).isEqualTo(Uscc.USCC_CHECK_CHARACTER));
    }

    @Test
    void shouldAcceptTheRealWorldExceptionOnlyOnceAnAdminWhitelistsIt() {
        // DOMAIN §9 #3
        String code = "91350203M0001QAY9B";
        assertThat(Uscc.check(code).status()).isEqualTo(UsccStatus.NEEDS_MANUAL_VERIFICATION);
        assertThatThrownBy(() -> Uscc.of(code, UsccWhitelist.none())).isInstanceOf(InvalidUsccException.class);
        UsccWhitelist whitelist = UsccWhitelist.of(List.of(code));
        UsccCheck check = Uscc.check(code.toLowerCase(), whitelist);
        assertThat(check.status()).isEqualTo(UsccStatus.MANUALLY_VERIFIED);
        assertThat(check.warnings()).extracting(Violation::code).contains(Uscc.USCC_MANUAL_VERIFICATION);
        Uscc uscc = Uscc.of(code, whitelist);
        assertThat(uscc.manuallyVerified()).isTrue();
        assertThat(uscc.value()).isEqualTo(code);
    }

    @Test
    void shouldNormaliseLowerCaseFullWidthAndSpaces() {
        assertThat(Uscc.of("91350500ma2y0001xx").value()).isEqualTo("91350500MA2Y0001XX");
        assertThat(Uscc.of("  ９１３５０５００ＭＡ２Ｙ０００１ＸＸ ").value()).isEqualTo("91350500MA2Y0001XX");
        assertThat(Uscc.of("9135 0500\u3000MA2Y 0001XX").value()).isEqualTo("91350500MA2Y0001XX");
        assertThat(Uscc.check("91350500ma2y0001xx").normalized()).isEqualTo("91350500MA2Y0001XX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350500MA2Y0001OX", "91350500MA2Y0001IX", "91350500MA2Y0001SX", "91350500MA2Y0001VX",
            "91350500MA2Y0001ZX", "91350500MA2Y0001-X"})
    void shouldRejectCharactersOutsideTheCodeCharset(String code) {
        UsccCheck check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(UsccStatus.INVALID);
        assertThat(check.violations()).extracting(Violation::code).containsExactly(Uscc.USCC_CHARSET);
        assertThat(check.violations().getFirst().messageZh()).contains("17:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350500MA2Y0001X", "91350500MA2Y0001XXX", "9"})
    void shouldRejectTheWrongLength(String code) {
        UsccCheck check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(UsccStatus.INVALID);
        assertThat(check.violations()).extracting(Violation::code).containsExactly(Uscc.USCC_LENGTH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void shouldRejectNullAndBlank(String code) {
        UsccCheck check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(UsccStatus.INVALID);
        assertThat(check.violations()).extracting(Violation::code).containsExactly(Uscc.USCC_BLANK);
        assertThatThrownBy(() -> Uscc.of(code)).isInstanceOf(InvalidUsccException.class);
    }

    @Test
    void shouldRequireDigitsInTheDivisionCode() {
        UsccCheck check = Uscc.check("91A50500MA2Y0001XX");
        assertThat(check.status()).isEqualTo(UsccStatus.INVALID);
        assertThat(check.violations()).extracting(Violation::code).containsExactly(Uscc.USCC_DIVISION_FORMAT);
    }

    @Test
    void shouldOnlyWarnAboutTheOrganisationCodeCheckAndAnUnknownProvince() {
        String body = "91350500MA2Y00010";  // org check should be X, here 0
        String code = body + Uscc.checkCharacter(body);
        UsccCheck check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(UsccStatus.VALID);
        assertThat(check.warnings()).extracting(Violation::code).containsExactly(Uscc.USCC_ORG_CODE_CHECK);
        String unknownProvince = "91990500MA2Y0001X";
        UsccCheck province = Uscc.check(unknownProvince + Uscc.checkCharacter(unknownProvince));
        assertThat(province.status()).isEqualTo(UsccStatus.VALID);
        assertThat(province.warnings()).extracting(Violation::code).contains(Uscc.USCC_DIVISION_UNKNOWN);
    }

    @Test
    void shouldExposeTheCodeParts() {
        Uscc uscc = Uscc.of("91350582MA8R00014H");
        assertThat(uscc.registrationAuthority()).isEqualTo('9');
        assertThat(uscc.organisationType()).isEqualTo('1');
        assertThat(uscc.divisionCode()).isEqualTo("350582");
        assertThat(uscc.organisationCode()).isEqualTo("MA8R00014");
        assertThat(uscc).hasToString("91350582MA8R00014H");
    }

    @Test
    void shouldNotBeConstructibleInAnInvalidState() {
        assertThatThrownBy(() -> new Uscc("91350500MA2Y0001XY", false)).isInstanceOf(InvalidUsccException.class);
        assertThatThrownBy(() -> new Uscc("91350500ma2y0001xx", false)).isInstanceOf(InvalidUsccException.class);
        assertThat(new Uscc("91350500MA2Y0001XY", true).manuallyVerified()).isTrue();
        assertThat(new Uscc("91350500MA2Y0001XX", true).manuallyVerified()).isFalse();
    }
}
