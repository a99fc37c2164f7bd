package cn.gov.eco.notice.signature;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "is this document sealed by the agency and unchanged since?".
 *
 * @param valid         true when the document is signed, every signature verifies with a trusted certificate, and
 *                      a signature covers the whole file
 * @param signed        whether the document carries a signature at all
 * @param signerSubject the signer certificate's subject (of the signature covering the whole file, else the last)
 * @param signerName    the signature's {@code /Name}, e.g. 泉州市生态环境局
 * @param signingTime   the signature's {@code /M}
 * @param reasons       why the document is not valid, empty when it is
 * @param signatures    each signature found, in file order
 */
public record SealVerification(boolean valid, boolean signed, String signerSubject, String signerName,
                               Instant signingTime, List<Reason> reasons, List<SignatureCheck> signatures) {

    public SealVerification {
        reasons = List.copyOf(reasons);
        signatures = List.copyOf(signatures);
    }

    /** A stable code and its message in Chinese and English. */
    public record Reason(String code, String messageZh, String messageEn) {
    }

    /**
     * One signature.
     *
     * @param intact              the CMS signature verifies over the signed bytes
     * @param trusted             the signer certificate is, or is issued by, a trusted certificate
     * @param coversWholeDocument the signed byte range reaches the end of the file: nothing was appended after it
     * @param certificateSha256   the signer certificate's SHA-256 fingerprint, to compare with the published one
     * @param problems            what is wrong with this signature, empty when nothing is
     */
    public record SignatureCheck(String signerSubject, String signerName, String certificateSha256,
                                 Instant signingTime, String reason, String location, String subFilter,
                                 boolean intact, boolean trusted, boolean coversWholeDocument,
                                 List<Reason> problems) {

        public SignatureCheck {
            problems = List.copyOf(problems);
        }
    }

    static SealVerification of(SealProblem problem) {
        return new SealVerification(false, problem != SealProblem.NOT_SIGNED && problem != SealProblem.DOCUMENT_UNREADABLE,
                null, null, null, List.of(problem.reason()), List.of());
    }
}
