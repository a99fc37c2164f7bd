package cn.gov.eco.notice;

import cn.gov.eco.notice.signature.DevelopmentSealKey;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * The issuing agency as the documents present it, and where the renderer finds its font and any agency templates
 * ({@code notice.*}). Every value here varies by agency or province: configuration, not code.
 *
 * @param fontPath     the serif CJK font of the body, 版头 and title (AR PL UMing CN from Debian's fonts-arphic-uming by
 *                     default)
 * @param templatesDir a directory of agency templates overriding the built-in zh-CN ones; empty for the built-ins
 * @param seal         the agency's electronic seal on every document
 * @param headingFontPath the 黑体 of the section headings (WenQuanYi Micro Hei from fonts-wqy-microhei by default);
 *                     empty: the headings are set in the body font
 */
@ConfigurationProperties("notice")
public record NoticeProperties(String fontPath, String templatesDir, Agency agency, String electronicChannel,
                               Seal seal, String headingFontPath) {

    public NoticeProperties {
        seal = seal == null ? new Seal(null, null, null, null, null, null, null, null) : seal;
    }

    /**
     * The issuing agency ({@code notice.agency.*}).
     *
     * @param applicationChannel   where an enterprise applies for repair (信用中国, the provincial platform, the
     *                             agency's window; DOMAIN.md §0.2)
     * @param processingTimeLimits the repair time limits as the notice prints them (NDRC Order 36; [U] numbers)
     * @param creditEffect         the effect on the enterprise's environmental credit evaluation, under the province's
     *                             scheme named as it is (Fujian: 《福建省企业环境信用动态评价实施方案（试行）》)
     */
    public record Agency(String name, String address, String contact, String reconsiderationBody, String court,
                         List<String> publicityPlatforms, String applicationChannel, String processingTimeLimits,
                         String creditEffect) {
    }

    /**
     * The electronic seal ({@code notice.seal.*}): the key that signs every PDF, and what the verification endpoint
     * trusts.
     *
     * @param keystore            a PKCS #12 file with the agency's seal key and certificate chain; empty for the
     *                            embedded default's development key
     * @param password            the keystore's password (also of the development keystore, when set)
     * @param alias               the key entry; empty when the keystore holds one key
     * @param devKeystoreDir      where the development key is generated once and kept (default ./data/notice-seal)
     * @param devKeyAlgorithm     the type of a new development key: EC_P256 (default) or RSA_2048
     * @param location            the signature's location; empty for the agency's address
     * @param trustedCertificates PEM files of further certificates the verifier trusts besides the seal's own, e.g.
     *                            the certificate of a key used before a rotation, or the CA that issues the seal
     * @param verificationMaxSize the largest PDF the verification endpoint takes (default 10MB)
     */
    public record Seal(String keystore, String password, String alias, String devKeystoreDir,
                       DevelopmentSealKey.Algorithm devKeyAlgorithm, String location, List<String> trustedCertificates,
                       DataSize verificationMaxSize) {

        public Seal {
            devKeystoreDir = devKeystoreDir == null || devKeystoreDir.isBlank() ? "./data/notice-seal" : devKeystoreDir;
            devKeyAlgorithm = devKeyAlgorithm == null ? DevelopmentSealKey.Algorithm.EC_P256 : devKeyAlgorithm;
            trustedCertificates = trustedCertificates == null ? List.of()
                    : trustedCertificates.stream().filter(s -> s != null && !s.isBlank()).toList();
            verificationMaxSize = verificationMaxSize == null ? DataSize.ofMegabytes(10) : verificationMaxSize;
        }

        public boolean developmentKey() {
            return keystore == null || keystore.isBlank();
        }

        /** The keystore password; empty when none is configured. */
        public char[] passwordChars() {
            return password == null ? new char[0] : password.toCharArray();
        }
    }
}
