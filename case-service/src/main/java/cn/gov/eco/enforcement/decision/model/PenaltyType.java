package cn.gov.eco.enforcement.decision.model;

/** 行政处罚的种类: the penalty types of 《中华人民共和国行政处罚法》第九条. One decision can combine several. */
public enum PenaltyType {
    WARNING("警告", AmountRule.NONE),
    CIRCULATED_CRITICISM("通报批评", AmountRule.NONE),
    FINE("罚款", AmountRule.REQUIRED),
    CONFISCATION_OF_ILLEGAL_GAINS("没收违法所得", AmountRule.REQUIRED),
    CONFISCATION_OF_ILLEGAL_PROPERTY("没收非法财物", AmountRule.OPTIONAL),
    SUSPENSION_OF_LICENCE("暂扣许可证件", AmountRule.NONE),
    DEMOTION_OF_QUALIFICATION("降低资质等级", AmountRule.NONE),
    REVOCATION_OF_LICENCE("吊销许可证件", AmountRule.NONE),
    RESTRICTION_OF_PRODUCTION("限制开展生产经营活动", AmountRule.NONE),
    ORDER_TO_SUSPEND_PRODUCTION("责令停产停业", AmountRule.NONE),
    ORDER_TO_CLOSE("责令关闭", AmountRule.NONE),
    RESTRICTION_OF_PRACTICE("限制从业", AmountRule.NONE),
    ADMINISTRATIVE_DETENTION("行政拘留", AmountRule.NONE),
    OTHER("法律、行政法规规定的其他行政处罚", AmountRule.OPTIONAL);

    private final String nameZh;
    private final AmountRule amountRule;

    PenaltyType(String nameZh, AmountRule amountRule) {
        this.nameZh = nameZh;
        this.amountRule = amountRule;
    }

    public String nameZh() {
        return nameZh;
    }

    public AmountRule amountRule() {
        return amountRule;
    }

    /** Whether a penalty of this type carries an amount in CNY. */
    public enum AmountRule { REQUIRED, OPTIONAL, NONE }
}
