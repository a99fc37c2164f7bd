package cn.gov.eco.enforcement.decision.model;

/** 当事人: the enterprise a decision is against, identified by its normalised 统一社会信用代码. */
public record Enterprise(String uscc, String name, String address, String legalRepresentative) {
}
