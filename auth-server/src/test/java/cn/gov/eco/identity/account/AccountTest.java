package cn.gov.eco.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.eco.contracts.identity.Role;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class AccountTest {

    @Test
    void shouldCarryUsccOnlyForEnterprisesAndLegalQualificationOnlyForLegalReviewers() {
        var enterprise = new Account("e", "{noop}x", "企业", List.of(Role.ENTERPRISE), List.of("91350500MA2Y0001XX"), null, null);
        var officer = new Account("o", "{noop}x", "执法", List.of(Role.OFFICER), null, true, "泉州市生态环境局");
        var reviewer = new Account("r", "{noop}x", "审核", List.of(Role.LEGAL_REVIEWER), null, null, "泉州市生态环境局");

        assertThat(enterprise.claims()).containsEntry("uscc", List.of("91350500MA2Y0001XX"))
                .containsEntry("roles", List.of("ENTERPRISE"))
                .doesNotContainKeys("legal_qualified", "agency");
        assertThat(officer.claims()).doesNotContainKeys("uscc", "legal_qualified");
        // a legal reviewer without the qualification configured is not qualified
        assertThat(reviewer.claims()).containsEntry("legal_qualified", false);
    }

    @Test
    void shouldRefuseAnEnterpriseAccountWithoutACodeAndACodeWithoutTheEnterpriseRole() {
        assertThatThrownBy(() -> new Account("e", "x", "企业", List.of(Role.ENTERPRISE), List.of(), null, null))
                .hasMessageContaining("acts for no enterprise");
        assertThatThrownBy(() -> new Account("o", "x", "执法", List.of(Role.OFFICER), List.of("91350500MA2Y0001XX"), null, null))
                .hasMessageContaining("not the ENTERPRISE role");
        assertThatThrownBy(() -> new Account("o", "x", "执法", List.of(), null, null, null))
                .hasMessageContaining("no role");
    }

    @Test
    void shouldNeverShowThePasswordInItsStringForm() {
        var a = new Account("o", "{noop}secret-value", "执法", List.of(Role.OFFICER), null, null, null);
        assertThat(a.toString()).doesNotContain("secret-value");
    }

    @Test
    void shouldEncodeAPlainPasswordAtStartAndKeepAnEncodedOne() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var directory = new AccountDirectory(List.of(
                new Account("plain", "demo", "甲", List.of(Role.AUDITOR), null, null, null),
                new Account("noop", "{noop}demo", "乙", List.of(Role.AUDITOR), null, null, null)), encoder);

        String stored = directory.find("plain").orElseThrow().password();
        assertThat(stored).startsWith("{bcrypt}");
        assertThat(encoder.matches("demo", stored)).isTrue();
        assertThat(directory.find("noop").orElseThrow().password()).isEqualTo("{noop}demo");
        assertThat(directory.loadUserByUsername("noop").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_AUDITOR");
    }

    @Test
    void shouldRefuseTheSameUsernameTwice() {
        var a = new Account("dup", "{noop}x", "甲", List.of(Role.AUDITOR), null, null, null);
        assertThatThrownBy(() -> new AccountDirectory(List.of(a, a), PasswordEncoderFactories.createDelegatingPasswordEncoder()))
                .hasMessageContaining("configured twice");
    }
}
