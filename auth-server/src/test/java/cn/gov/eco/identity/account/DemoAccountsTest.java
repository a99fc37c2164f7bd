package cn.gov.eco.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eco.contracts.identity.IdentityClaims;
import cn.gov.eco.contracts.identity.Role;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gov.eco.identity.IdentityProperties;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo accounts as configured in {@code auth-server.yml}: what the README's table promises. */
class DemoAccountsTest {

    private static IdentityProperties identity;
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @BeforeAll
    static void bindTheConfigurationFile() throws IOException {
        var sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load("auth-server.yml", new ClassPathResource("auth-server.yml"))
                .forEach(sources::addLast);
        identity = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind("identity", IdentityProperties.class).get();
    }

    private static Map<String, Account> accounts() {
        return identity.accounts().stream().collect(Collectors.toMap(Account::username, a -> a));
    }

    @Test
    void shouldConfigureEveryDemoAccountWithPasswordDemoStoredAsBcrypt() {
        assertThat(accounts().keySet()).containsExactlyInAnyOrder("officer-lin", "officer-chen", "case-reviewer",
                "legal-reviewer", "legal-trainee", "agency-head", "hearing-host", "credit-reviewer", "auditor", "calendar-admin",
                "calendar-admin-2",
                "enterprise-a", "enterprise-b");
        for (Account a : identity.accounts()) {
            assertThat(a.password()).as(a.username()).startsWith("{bcrypt}");
            assertThat(ENCODER.matches("demo", a.password())).as(a.username()).isTrue();
        }
    }

    @Test
    void shouldGiveEachEnterpriseAccountACodeWithAValidCheckCharacterAndNoCodeToTwoEnterprises() {
        Account a = accounts().get("enterprise-a");
        Account b = accounts().get("enterprise-b");

        for (Account enterprise : List.of(a, b)) {
            assertThat(enterprise.roles()).containsExactly(Role.ENTERPRISE);
            assertThat(enterprise.uscc()).hasSize(1);
            assertThat(Uscc.check(enterprise.uscc().getFirst()).status()).as(enterprise.uscc().getFirst())
                    .isEqualTo(UsccStatus.VALID);
        }
        assertThat(a.uscc()).containsExactly("91350500MA2Y0001XX");
        assertThat(a.uscc()).doesNotContainAnyElementsOf(b.uscc());
    }

    @Test
    void shouldHaveTwoOfficersForSeparationOfDutiesAndAQualifiedAndAnUnqualifiedLegalReviewer() {
        assertThat(identity.accounts().stream().filter(a -> a.roles().contains(Role.OFFICER)).map(Account::username))
                .containsExactlyInAnyOrder("officer-lin", "officer-chen");
        assertThat(accounts().get("legal-reviewer").claims()).containsEntry(IdentityClaims.LEGAL_QUALIFIED, true);
        assertThat(accounts().get("legal-trainee").claims()).containsEntry(IdentityClaims.LEGAL_QUALIFIED, false);
    }

    @Test
    void shouldPutTheAgencyOnEveryStaffAccountAndOnNoEnterpriseAccount() {
        for (Account a : identity.accounts()) {
            if (a.roles().contains(Role.ENTERPRISE)) {
                assertThat(a.claims()).as(a.username()).doesNotContainKey(IdentityClaims.AGENCY);
            } else {
                assertThat(a.claims()).as(a.username()).containsEntry(IdentityClaims.AGENCY, "泉州市生态环境局");
            }
        }
    }

    @Test
    void shouldRegisterThePortalsRedirectUrisOnLocalhostAndTheLoopbackAddress() {
        assertThat(identity.clients().portal().allRedirectUris()).containsExactly(
                "http://localhost:8080/login/oauth2/code/portal", "http://127.0.0.1:8080/login/oauth2/code/portal",
                "http://localhost:8080/portal/callback.html", "http://127.0.0.1:8080/portal/callback.html");
        assertThat(identity.clients().portal().allPostLogoutRedirectUris()).containsExactly(
                "http://localhost:8080/portal/", "http://127.0.0.1:8080/portal/");
        assertThat(identity.issuer()).isEqualTo("http://localhost:9000");
        assertThat(identity.accessTokenLifetime()).hasHours(1);
        assertThat(identity.passwordGrant().enabled()).isTrue();
        assertThat(identity.signingKey().generated()).isTrue();
    }
}
