package cn.gov.eco.notice.signature;

/** Why a document's seal does not verify, in Chinese and English. */
public enum SealProblem {

    NOT_SIGNED("未签名：文档中没有电子印章（数字签名）",
            "Not signed: the document carries no electronic seal (digital signature)"),
    MODIFIED_AFTER_SIGNING("文档在签名后被修改：签名范围内的内容与签名时不一致",
            "Document modified after signing: the signed bytes are not those that were signed"),
    UPDATED_AFTER_SIGNING("文档在签名后被修改：签名后追加了增量更新，签名未覆盖整个文件",
            "Document modified after signing: an incremental update was appended after the signature, which no "
                    + "longer covers the whole file"),
    UNTRUSTED_CERTIFICATE("签名证书不受信任：不是本机关的电子印章证书",
            "Untrusted certificate: the signer is not the agency's seal certificate"),
    CERTIFICATE_NOT_VALID_AT_SIGNING_TIME("签名时签名证书不在有效期内",
            "The signer certificate was not valid at the signing time"),
    SIGNATURE_INVALID("签名值无效：签名与签名证书不符",
            "Invalid signature: the signature value does not verify with the signer certificate"),
    SIGNATURE_MALFORMED("签名数据损坏或格式不受支持",
            "The signature data is damaged or in an unsupported format"),
    BYTE_RANGE_INVALID("签名的字节范围无效",
            "The signature's byte range is invalid"),
    DOCUMENT_UNREADABLE("文档已损坏，无法读取其中的签名",
            "The document is damaged: its signatures cannot be read");

    private final String messageZh;
    private final String messageEn;

    SealProblem(String messageZh, String messageEn) {
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** The stable code with both messages, as the verification result lists it. */
    public SealVerification.Reason reason() {
        return new SealVerification.Reason(name(), messageZh, messageEn);
    }
}
