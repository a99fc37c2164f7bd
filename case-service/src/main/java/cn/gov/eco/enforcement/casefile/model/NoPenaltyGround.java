package cn.gov.eco.enforcement.casefile.model;

/** 行政处罚法 第三十三条: why no penalty is imposed (the NoPenaltyDecided contract's {@code ground}). */
public enum NoPenaltyGround {
    /** 第三十三条第一款后段: first violation, minor harm, corrected in time — may be exempted (首违不罚). */
    FIRST_VIOLATION_MINOR_HARM("初次违法且危害后果轻微并及时改正", "《中华人民共和国行政处罚法》第三十三条第一款"),
    /** 第三十三条第一款前段: minor, corrected in time, no harm — shall not be penalised (轻微不罚). */
    MINOR_AND_CORRECTED("违法行为轻微并及时改正，没有造成危害后果", "《中华人民共和国行政处罚法》第三十三条第一款"),
    /** 第三十三条第二款: the party proves it was not at fault. */
    NO_FAULT("当事人有证据足以证明没有主观过错", "《中华人民共和国行政处罚法》第三十三条第二款");

    private final String zh;
    private final String article;

    NoPenaltyGround(String zh, String article) {
        this.zh = zh;
        this.article = article;
    }

    public String zh() {
        return zh;
    }

    public String article() {
        return article;
    }
}
