package cn.gov.eco.notice.delivery.model;

/** The two documents of 两书同达. */
public enum DocumentKind {
    PENALTY_DECISION("行政处罚决定书"),
    REPAIR_RIGHTS_NOTICE("企业环境信用信息修复权益告知书");

    private final String nameZh;

    DocumentKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
