package cn.gov.eco.enforcement.casefile.model;

/** Why a gate applies to a case: a stable code, the article that makes it apply, and a sentence in zh and en. */
public record Trigger(String code, String article, String descriptionZh, String descriptionEn) {
}
