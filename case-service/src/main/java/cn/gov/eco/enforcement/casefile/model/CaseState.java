package cn.gov.eco.enforcement.casefile.model;

/**
 * The states of a 行政处罚案件 up to and at the decision (DOMAIN.md §8.3, PenaltyCase). What follows the decision
 * (service, payment, closure when obligations are met) belongs to the execution feature, which starts from
 * {@link #DECIDED}.
 */
public enum CaseState {
    /** 案件线索: registered, filing not yet decided (T5). */
    LEAD("案件线索", false),
    /** 不予立案. */
    NOT_FILED("不予立案", true),
    /** 立案后调查取证. */
    INVESTIGATING("调查取证", false),
    /** 案件审查 (separate from investigation). */
    UNDER_CASE_REVIEW("案件审查", false),
    /** 案件审查通过：拟作出行政处罚，待送达事先告知书. */
    CASE_REVIEWED("审查通过待告知", false),
    /** 行政处罚事先（听证）告知书已送达：陈述申辩 / 听证申请期间. */
    PRE_NOTICE_SERVED("已事先告知", false),
    /** 当事人已申请听证. */
    HEARING_REQUESTED("已申请听证", false),
    /** 听证已安排、已通知. */
    HEARING_SCHEDULED("听证已安排", false),
    /** 待决定 (statement and hearing windows over, or waived; hearing held). */
    READY_FOR_DECISION("待决定", false),
    /** 法制审核中. */
    LEGAL_REVIEW("法制审核", false),
    /** 已作出行政处罚决定 (execution follows). */
    DECIDED("已作出处罚决定", false),
    /** 不予行政处罚 (行政处罚法 第三十三条、第五十七条第一款第二项). */
    DECIDED_NO_PENALTY("不予行政处罚", true),
    /** 移送司法机关 (行政处罚法 第二十七条、第五十七条第一款第四项). */
    TRANSFERRED_TO_JUDICIAL("移送司法机关", true),
    /** 撤销立案. */
    FILING_CANCELLED("撤销立案", true);

    private final String zh;
    private final boolean closed;

    CaseState(String zh, boolean closed) {
        this.zh = zh;
        this.closed = closed;
    }

    public String zh() {
        return zh;
    }

    /** The case ended before (or without) a penalty decision. */
    public boolean closed() {
        return closed;
    }

    /** Filed and not yet decided: extensions, excluded periods, transfer and cancellation apply. */
    public boolean openAfterFiling() {
        return this != LEAD && this != DECIDED && !closed;
    }
}
