package cn.gov.eco.contracts.identity;

/**
 * The roles of DOMAIN.md §8.2, as the identity provider puts them in the token's {@code roles} claim.
 * {@link #AUDITOR} (执法监督) and {@link #DASHBOARD} (数据看板) read and never change state.
 */
public enum Role {
    OFFICER("执法人员", "enforcement officer"),
    CASE_REVIEWER("案件审查人员", "case reviewer"),
    LEGAL_REVIEWER("法制审核人员", "legal reviewer"),
    AGENCY_HEAD("行政机关负责人", "agency head"),
    HEARING_HOST("听证主持人", "hearing host"),
    CREDIT_REVIEWER("信用审核人员", "credit reviewer"),
    AUDITOR("执法监督人员", "supervisor / auditor"),
    /** 工作日历管理员: loads a year's State Council holiday table; a second, different one approves it (DOMAIN §0.2). */
    CALENDAR_ADMIN("工作日历管理员", "working-day calendar administrator"),
    ENTERPRISE("企业用户", "enterprise user"),
    DASHBOARD("数据看板", "dashboard client");

    private final String zh;
    private final String en;

    Role(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Read-only roles: §8.2 "Supervisor / auditor — must not change data"; dashboards read the topics. */
    public boolean readOnly() {
        return this == AUDITOR || this == DASHBOARD;
    }

    /** Agency staff see every enterprise's records; enterprise users only their own; dashboards no personal data. */
    public boolean agencyStaff() {
        return this != ENTERPRISE && this != DASHBOARD;
    }
}
