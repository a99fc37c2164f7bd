package cn.gov.eco.platform.publicity;

/**
 * 失信程度: the severity tier of penalty information, which decides its publicity period (国办发〔2025〕22号 item 二;
 * NDRC Order 36). The tier is set by the credit administrator; no national environmental classification standard
 * was found (DOMAIN.md §0.1), so it is an input, not computed.
 */
public enum SeverityTier {
    MINOR("轻微"),
    GENERAL("一般"),
    SERIOUS("严重");

    private final String nameZh;

    SeverityTier(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
