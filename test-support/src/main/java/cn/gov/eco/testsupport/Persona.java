package cn.gov.eco.testsupport;

import java.util.List;

/**
 * The demo accounts of the embedded authorization server, as tests sign in: one per role of DOMAIN.md §8.2, two
 * officers (separation of duties), a legal reviewer with and one without the legal-qualification flag, and two
 * enterprise users of two different enterprises.
 */
public enum Persona {
    OFFICER_LIN("officer-lin", "林志远", List.of("OFFICER"), List.of(), false),
    OFFICER_CHEN("officer-chen", "陈晓东", List.of("OFFICER"), List.of(), false),
    CASE_REVIEWER("case-reviewer", "黄丽华", List.of("CASE_REVIEWER"), List.of(), false),
    LEGAL_REVIEWER("legal-reviewer", "王律", List.of("LEGAL_REVIEWER"), List.of(), true),
    LEGAL_TRAINEE("legal-trainee", "张见习", List.of("LEGAL_REVIEWER"), List.of(), false),
    AGENCY_HEAD("agency-head", "郑局长", List.of("AGENCY_HEAD"), List.of(), false),
    HEARING_HOST("hearing-host", "刘听证", List.of("HEARING_HOST"), List.of(), false),
    CREDIT_REVIEWER("credit-reviewer", "周信用", List.of("CREDIT_REVIEWER"), List.of(), false),
    AUDITOR("auditor", "吴监督", List.of("AUDITOR"), List.of(), false),
    CALENDAR_ADMIN("calendar-admin", "孙日历", List.of("CALENDAR_ADMIN"), List.of(), false),
    CALENDAR_ADMIN_2("calendar-admin-2", "钱核定", List.of("CALENDAR_ADMIN"), List.of(), false),
    ENTERPRISE_A("enterprise-a", "陈建国", List.of("ENTERPRISE"), List.of(Persona.USCC_A), false),
    ENTERPRISE_B("enterprise-b", "李海燕", List.of("ENTERPRISE"), List.of(Persona.USCC_B), false),
    DASHBOARD("dashboard", "dashboard", List.of("DASHBOARD"), List.of(), false);

    /** 泉州市清源化工有限公司, the walkthrough's enterprise. */
    public static final String USCC_A = "91350500MA2Y0001XX";
    /** 泉州市丰泽蓝海印染有限公司, the other enterprise (valid check characters). */
    public static final String USCC_B = "91350503MA2Y000289";
    public static final String AGENCY = "泉州市生态环境局";

    public final String username;
    public final String displayName;
    public final List<String> roles;
    public final List<String> usccs;
    public final boolean legalQualified;

    Persona(String username, String displayName, List<String> roles, List<String> usccs, boolean legalQualified) {
        this.username = username;
        this.displayName = displayName;
        this.roles = roles;
        this.usccs = usccs;
        this.legalQualified = legalQualified;
    }

    public boolean isEnterprise() {
        return roles.contains("ENTERPRISE");
    }
}
