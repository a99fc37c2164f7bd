package cn.gov.eco.notice.delivery.model;

/** Why an attempt at service failed; each leads to the next lawful method ({@link ServiceEscalation}). */
public enum FailureReason {
    /** 邮件退回: the post came back undelivered. */
    RETURNED("邮件被退回"),
    /** 无法联系 / 下落不明: nobody found at the address, the addressee cannot be located. */
    UNREACHABLE("受送达人无法联系或下落不明"),
    /** 拒收且无见证人、无影像记录: a refusal that cannot become 留置送达. */
    REFUSED_NO_WITNESS("拒绝签收且无见证人或影像记录"),
    /** The electronic platform rejected the address or reported that it could not deliver. */
    ELECTRONIC_UNDELIVERABLE("电子送达未能到达"),
    /** The enterprise withdrew its e-service consent before the documents were sent (《民事诉讼法》第九十条). */
    CONSENT_REVOKED("受送达人已撤回电子送达确认");

    private final String nameZh;

    FailureReason(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
