package cn.gov.eco.contracts.identity;

/**
 * The claim names in access tokens, ID tokens and userinfo: the contract between the embedded auth-server, which
 * issues them, and every service, which reads them (platform's {@code TokenClaims} defaults). A real OIDC provider
 * emits the same names (e.g. Keycloak protocol mappers) or the services are told where they are instead.
 */
public final class IdentityClaims {

    /** The username (also {@code sub}). */
    public static final String PREFERRED_USERNAME = "preferred_username";
    /** The display name, in Chinese. */
    public static final String NAME = "name";
    /** JSON array of {@link Role} names. */
    public static final String ROLES = "roles";
    /** JSON array of the Unified Social Credit Codes an enterprise user acts for; absent for everyone else. */
    public static final String USCC = "uscc";
    /** Boolean, present for legal reviewers: true when the reviewer holds the legal-review qualification (法律职业资格). */
    public static final String LEGAL_QUALIFIED = "legal_qualified";
    /** The issuing organ, e.g. 泉州市生态环境局, for agency staff. */
    public static final String AGENCY = "agency";

    private IdentityClaims() {
    }
}
