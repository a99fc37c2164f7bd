package cn.gov.eco.credit.level.model;

/**
 * 企业环境信用等级 (环发〔2013〕150号: 环保诚信 / 良好 / 警示 / 不良; Fujian 2016 scheme and the 2019 dynamic
 * evaluation, 闽环保总队〔2018〕67号; DOMAIN.md §5, §8.3 EnterpriseCreditLevel).
 */
public enum CreditLevel {
    UNRATED("未评价", "unrated"),
    GREEN("绿色（环保诚信）", "green (trustworthy)"),
    BLUE("蓝色（环保良好）", "blue (good)"),
    YELLOW("黄色（环保警示）", "yellow (warning)"),
    RED("红色（环保不良）", "red (poor)");

    private final String nameZh;
    private final String nameEn;

    CreditLevel(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
