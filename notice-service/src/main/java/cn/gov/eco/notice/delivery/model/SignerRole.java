package cn.gov.eco.notice.delivery.model;

/**
 * Who may sign the 送达回证 for an organisation (《民事诉讼法》第八十八条): its legal representative, its principal
 * responsible person, the person in charge of receiving documents, an agent ad litem, or a designated recipient.
 */
public enum SignerRole {
    LEGAL_REPRESENTATIVE("法定代表人"),
    PRINCIPAL_RESPONSIBLE_PERSON("主要负责人"),
    RECEIVING_CLERK("负责收件的人"),
    AGENT("诉讼代理人"),
    DESIGNATED_RECIPIENT("代收人");

    private final String nameZh;

    SignerRole(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
