package cn.gov.eco.credit.repair.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The published text of the credit commitment (信用承诺书, 国办发〔2025〕22号: a public credit commitment is a
 * condition of repair), its version id and the SHA-256 of its UTF-8 text. An applicant accepts one exact version;
 * the application records which.
 */
public record CreditCommitment(String versionId, String textZh, String sha256) {

    public static CreditCommitment of(String versionId, String textZh) {
        return new CreditCommitment(versionId, textZh, sha256Hex(textZh.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex SHA-256 of {@code data}. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
