package cn.gov.eco.platform.identity;

/** Outcome of checking a 统一社会信用代码. */
public enum UsccStatus {
    /** Format and the mod-31 check character are correct. */
    VALID,
    /** Format is correct but the check character is not: real codes like this are in circulation (DOMAIN §6) [I]. */
    NEEDS_MANUAL_VERIFICATION,
    /** Failed the check character but an administrator put it on the whitelist. */
    MANUALLY_VERIFIED,
    /** Empty, wrong length or characters outside the code's character set. */
    INVALID;

    public boolean accepted() {
        return this == VALID || this == MANUALLY_VERIFIED;
    }
}
