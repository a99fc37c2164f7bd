package cn.gov.eco.enforcement.decision.model;

/**
 * 当事人: the enterprise a decision is against, identified by its normalised 统一社会信用代码.
 *
 * @param usccStatus {@code VALID}, {@code MANUALLY_VERIFIED} (whitelisted or confirmed by an officer against the
 *                   registry) or {@code NEEDS_MANUAL_VERIFICATION}: a code in circulation that fails the GB 32100
 *                   check character, accepted with a warning and queued for an officer (DOMAIN.md §6, §8.5.1)
 */
public record Enterprise(String uscc, String name, String address, String legalRepresentative, String usccStatus) {

    public static final String NEEDS_MANUAL_VERIFICATION = "NEEDS_MANUAL_VERIFICATION";
    public static final String MANUALLY_VERIFIED = "MANUALLY_VERIFIED";

    public Enterprise {
        usccStatus = usccStatus == null ? "VALID" : usccStatus;
    }

    public Enterprise(String uscc, String name, String address, String legalRepresentative) {
        this(uscc, name, address, legalRepresentative, null);
    }
}
