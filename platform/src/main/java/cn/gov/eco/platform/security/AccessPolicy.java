package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The access rules that need the resource, applied by the application services (DOMAIN.md §8.2). Every refusal is
 * logged on {@code cn.gov.eco.audit.access} with who, what and why, and answered with a 403 problem.
 */
public class AccessPolicy {

    public static final String ROLE_REQUIRED = "ROLE_REQUIRED";
    public static final String READ_ONLY_ROLE = "READ_ONLY_ROLE";
    public static final String ENTERPRISE_SCOPE = "ENTERPRISE_SCOPE";
    public static final String NO_PERSONAL_DATA = "NO_PERSONAL_DATA";
    public static final String SEPARATION_OF_DUTIES = "SEPARATION_OF_DUTIES";
    public static final String LEGAL_QUALIFICATION = "LEGAL_QUALIFICATION";
    public static final String NO_ACCESS_RULE = "NO_ACCESS_RULE";

    static final Logger AUDIT = LoggerFactory.getLogger("cn.gov.eco.audit.access");

    /** A duty that the investigator of a case must not perform on it. */
    public enum Duty {
        /** 案件审查: 《生态环境行政处罚办法》第四十七条 (review by a body other than the investigators). */
        CASE_REVIEW("案件审查", "case review"),
        /** 法制审核: 《行政处罚法》第五十八条. */
        LEGAL_REVIEW("法制审核", "legal review"),
        /** 听证主持: 《行政处罚法》第六十四条第四项 (the host is not an investigator of the case). */
        HEARING_HOST("听证主持", "hearing host"),
        /** 审批: an officer does not approve his own case (§8.2). */
        APPROVAL("审批", "approval");

        private final String zh;
        private final String en;

        Duty(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** The actor must hold one of {@code roles}; for a state change, one that is not read-only. */
    public Role requireRole(Actor actor, String what, Collection<Role> roles, boolean changesState) {
        List<Role> usable = changesState ? roles.stream().filter(r -> !r.readOnly()).toList() : List.copyOf(roles);
        var acting = actor.actingAs(usable);
        if (acting.isPresent()) {
            return acting.get();
        }
        if (changesState && !actor.roles().isEmpty() && actor.roles().stream().allMatch(Role::readOnly)) {
            throw deny(actor, what, READ_ONLY_ROLE, "只读角色不能更改数据", "a read-only role cannot change data");
        }
        String names = roles.stream().map(Role::zh).collect(Collectors.joining("、"));
        String namesEn = roles.stream().map(Role::en).collect(Collectors.joining(", "));
        throw deny(actor, what, ROLE_REQUIRED, "此操作仅限" + names, "only " + namesEn + " may do this");
    }

    /**
     * An enterprise's records are seen only by its own users and by agency staff (§8.2 "See other enterprises":
     * must not); dashboards get no personal data over REST. Other enterprises are refused without saying whether the
     * record exists.
     */
    public void requireEnterprise(Actor actor, String what, String uscc) {
        if (actor.isAgencyStaff() || actor.actsFor(uscc)) {
            return;
        }
        if (actor.has(Role.ENTERPRISE)) {
            throw deny(actor, what + " of " + uscc, ENTERPRISE_SCOPE, "企业用户只能查看和办理本企业的事项",
                    "an enterprise user sees and acts only on its own enterprise's records");
        }
        throw deny(actor, what, NO_PERSONAL_DATA, "看板客户端不能读取企业的个案数据",
                "a dashboard client reads the event streams, not an enterprise's records");
    }

    /**
     * The investigator of a case must not review it, legally review it, host its hearing or approve it
     * (《行政处罚法》第五十八条、第六十四条第四项; 《生态环境行政处罚办法》第四十七条; DOMAIN.md §8.2).
     */
    public void requireNotInvestigator(Actor actor, String what, Collection<String> investigators, Duty duty) {
        if (investigators.contains(actor.userId())) {
            throw deny(actor, what, SEPARATION_OF_DUTIES,
                    "本案调查人员不得承担本案的" + duty.zh + "（职能分离）",
                    "an investigator of this case must not perform its " + duty.en + " (separation of duties)");
        }
    }

    /**
     * 《行政处罚法》第五十八条第二款: a person doing legal review of penalty decisions for the first time must hold
     * the national legal professional qualification. {@code priorReviews} is how many legal reviews the actor has
     * completed before.
     */
    public void requireLegalQualification(Actor actor, String what, long priorReviews) {
        if (priorReviews == 0 && !actor.legalQualified()) {
            throw deny(actor, what, LEGAL_QUALIFICATION,
                    "初次从事行政处罚决定法制审核的人员应当取得法律职业资格（《行政处罚法》第五十八条第二款）",
                    "a first-time legal reviewer must hold the legal professional qualification "
                            + "(Administrative Penalty Law Art. 58(2))");
        }
    }

    /** Logs the refusal and returns the problem to throw. */
    public AccessDeniedProblem deny(Actor actor, String what, String rule, String zh, String en) {
        AUDIT.warn("access denied: who={} roles={} what={} why={} ({})", actor == null ? "anonymous" : actor.userId(),
                actor == null ? "[]" : actor.roles(), what, rule, en);
        return new AccessDeniedProblem(rule, zh, en);
    }
}
