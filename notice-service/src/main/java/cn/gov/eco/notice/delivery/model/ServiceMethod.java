package cn.gov.eco.notice.delivery.model;

/** 送达方式: the statutory methods of service (《民事诉讼法》第八十七条至第九十五条, applied by 行政处罚法 第六十一条). */
public enum ServiceMethod {
    DIRECT("直接送达"),
    LEFT_WITH_WITNESS("留置送达"),
    ELECTRONIC("电子送达"),
    ENTRUSTED("委托送达"),
    POSTAL("邮寄送达"),
    FORWARDED("转交送达"),
    PUBLIC_NOTICE("公告送达");

    private final String nameZh;

    ServiceMethod(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
