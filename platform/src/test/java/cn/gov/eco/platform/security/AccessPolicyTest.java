package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.Role;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static cn.gov.eco.platform.security.AccessPolicy.Duty.CASE_REVIEW;
import static cn.gov.eco.platform.security.AccessPolicy.Duty.HEARING_HOST;
import static cn.gov.eco.platform.security.AccessPolicy.Duty.LEGAL_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    static Actor actor(String id, Set<Role> roles, Set<String> usccs, boolean qualified) {
        return new Actor(id, id, roles, usccs, qualified, "泉州市生态环境局");
    }

    @BeforeEach
    void captureAudit() {
        audit.start();
        ((Logger) LoggerFactory.getLogger("cn.gov.eco.audit.access")).addAppender(audit);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger("cn.gov.eco.audit.access")).detachAppender(audit);
    }

    @Test
    void shouldReadTheTokenClaims() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("enterprise-a")
                .claim("name", "陈建国").claim("roles", List.of("ENTERPRISE", "SOMETHING_ELSE"))
                .claim("uscc", List.of("91350500MA2Y0001XX")).issuedAt(Instant.now()).build();
        Actor a = Actor.from(jwt);
        assertThat(a.userId()).isEqualTo("enterprise-a");
        assertThat(a.name()).isEqualTo("陈建国");
        assertThat(a.roles()).containsExactly(Role.ENTERPRISE);
        assertThat(a.usccs()).containsExactly("91350500MA2Y0001XX");
        assertThat(a.legalQualified()).isFalse();
        assertThat(a.isAgencyStaff()).isFalse();

        Jwt reviewer = Jwt.withTokenValue("t").header("alg", "RS256").subject("legal-reviewer")
                .claim("roles", List.of("LEGAL_REVIEWER")).claim("legal_qualified", true).build();
        assertThat(Actor.from(reviewer).legalQualified()).isTrue();
        assertThat(Actor.from(reviewer).name()).isEqualTo("legal-reviewer");
    }

    @Test
    void shouldReadRolesFromWhereAnotherProviderPutsThem() {
        Jwt keycloak = Jwt.withTokenValue("t").header("alg", "RS256").subject("f3a9")
                .claim("preferred_username", "credit-reviewer")
                .claim("realm_access", java.util.Map.of("roles", List.of("CREDIT_REVIEWER", "offline_access")))
                .claim("org", java.util.Map.of("name", "泉州市生态环境局")).build();
        var claims = new TokenClaims("realm_access.roles", null, null, "org.name", "preferred_username");
        Actor a = Actor.from(keycloak, claims);
        assertThat(a.roles()).containsExactly(Role.CREDIT_REVIEWER);
        assertThat(a.agency()).isEqualTo("泉州市生态环境局");
        assertThat(a.name()).isEqualTo("credit-reviewer");
        assertThat(Actor.from(keycloak).roles()).isEmpty();
    }

    @Test
    void shouldKeepEnterprisesApart() {
        Actor a = actor("enterprise-a", Set.of(Role.ENTERPRISE), Set.of("91350500MA2Y0001XX"), false);
        assertThatCode(() -> policy.requireEnterprise(a, "case 1", "91350500MA2Y0001XX")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireEnterprise(a, "case 2", "91350503MA2Y000289"))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining(AccessPolicy.ENTERPRISE_SCOPE);
        Actor officer = actor("officer-lin", Set.of(Role.OFFICER), Set.of(), false);
        assertThatCode(() -> policy.requireEnterprise(officer, "case 2", "91350503MA2Y000289")).doesNotThrowAnyException();
        Actor dashboard = actor("dashboard", Set.of(Role.DASHBOARD), Set.of(), false);
        assertThatThrownBy(() -> policy.requireEnterprise(dashboard, "case 2", "91350503MA2Y000289"))
                .hasMessageContaining(AccessPolicy.NO_PERSONAL_DATA);
        assertThat(audit.list).hasSize(2);
        assertThat(audit.list.getFirst().getFormattedMessage())
                .contains("who=enterprise-a", "what=case 2 of 91350503MA2Y000289", "why=ENTERPRISE_SCOPE");
    }

    @Test
    void shouldNotLetAnInvestigatorReviewHostOrApproveHisOwnCase() {
        Actor lin = actor("officer-lin", Set.of(Role.OFFICER, Role.CASE_REVIEWER, Role.HEARING_HOST), Set.of(), false);
        for (var duty : List.of(CASE_REVIEW, LEGAL_REVIEW, HEARING_HOST, AccessPolicy.Duty.APPROVAL)) {
            assertThatThrownBy(() -> policy.requireNotInvestigator(lin, "case 7", List.of("officer-chen", "officer-lin"), duty))
                    .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining(AccessPolicy.SEPARATION_OF_DUTIES);
            assertThatCode(() -> policy.requireNotInvestigator(lin, "case 8", List.of("officer-chen", "officer-wu"), duty))
                    .doesNotThrowAnyException();
        }
        assertThat(audit.list).hasSize(4).allMatch(e -> e.getFormattedMessage().contains("why=SEPARATION_OF_DUTIES"));
    }

    @Test
    void shouldRequireTheQualificationOfAFirstTimeLegalReviewer() {
        Actor trainee = actor("legal-trainee", Set.of(Role.LEGAL_REVIEWER), Set.of(), false);
        Actor qualified = actor("legal-reviewer", Set.of(Role.LEGAL_REVIEWER), Set.of(), true);
        assertThatThrownBy(() -> policy.requireLegalQualification(trainee, "legal review of case 7", 0))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining(AccessPolicy.LEGAL_QUALIFICATION);
        assertThatCode(() -> policy.requireLegalQualification(trainee, "legal review of case 7", 12))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.requireLegalQualification(qualified, "legal review of case 7", 0))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNeverLetAReadOnlyRoleChangeState() {
        Actor auditor = actor("auditor", Set.of(Role.AUDITOR), Set.of(), false);
        assertThatThrownBy(() -> policy.requireRole(auditor, "POST /api/x", List.of(Role.OFFICER, Role.AUDITOR), true))
                .hasMessageContaining(AccessPolicy.READ_ONLY_ROLE);
        assertThat(policy.requireRole(auditor, "GET /api/x", List.of(Role.OFFICER, Role.AUDITOR), false))
                .isEqualTo(Role.AUDITOR);
        Actor enterprise = actor("enterprise-a", Set.of(Role.ENTERPRISE), Set.of(), false);
        assertThatThrownBy(() -> policy.requireRole(enterprise, "POST /api/cases/decisions", List.of(Role.OFFICER), true))
                .hasMessageContaining(AccessPolicy.ROLE_REQUIRED);
    }
}
