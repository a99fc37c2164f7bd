package cn.gov.eco.identity.account;

/**
 * The roles carried in the {@code roles} claim (DOMAIN.md §8.2 "Actors and permissions"). The names are a contract
 * with every service that authorises on them: rename one and the services stop recognising it.
 */
public enum Role {
    OFFICER("执法人员"),
    CASE_REVIEWER("案件审查"),
    LEGAL_REVIEWER("法制审核"),
    AGENCY_HEAD("负责人"),
    HEARING_HOST("听证主持人"),
    CREDIT_REVIEWER("信用审核"),
    /** 执法监督: reads everything, changes nothing. */
    AUDITOR("执法监督"),
    ENTERPRISE("企业用户"),
    /** Dashboards and other service clients: read-only. */
    DASHBOARD("看板/服务客户端");

    private final String labelZh;

    Role(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
