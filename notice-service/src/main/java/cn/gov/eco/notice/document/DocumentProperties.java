package cn.gov.eco.notice.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an agency adapts in the two documents without code ({@code notice.documents.*}), beside the agency's name,
 * address and contact ({@code notice.agency.*}) and the templates themselves ({@code notice.templates-dir}).
 *
 * @param province            the agency's province, choosing its publicity platforms from
 *                            {@code platformsByProvince}; when absent there, {@code notice.agency.publicity-platforms}
 * @param platformsByProvince the publicity platforms (信用中国, the province's credit site, …) per province
 * @param payment             the non-tax revenue account and the electronic payment way printed in the decision
 *                            (行政处罚法 Art. 67); empty values are not printed
 * @param redFastLane         the RED-level fast lane sentence of the notice; empty for none
 * @param sealImage           a PNG of the seal drawn over the signature block; empty for none
 * @param sealDiameterMm      its printed diameter (default 42 mm, the usual official seal)
 */
@ConfigurationProperties("notice.documents")
public record DocumentProperties(String province, Map<String, List<String>> platformsByProvince, Payment payment,
                                 String redFastLane, String sealImage, Float sealDiameterMm) {

    public DocumentProperties {
        platformsByProvince = platformsByProvince == null ? Map.of() : Map.copyOf(platformsByProvince);
        payment = payment == null ? new Payment(null, null, null, null) : payment;
        sealDiameterMm = sealDiameterMm == null ? 42f : sealDiameterMm;
    }

    public record Payment(String bank, String accountName, String account, String electronic) {
    }

    /** The publicity platforms of the configured province, or {@code fallback} when it has no list here. */
    public List<String> platforms(List<String> fallback) {
        List<String> byProvince = province == null ? null : platformsByProvince.get(province);
        return byProvince == null || byProvince.isEmpty() ? (fallback == null ? List.of() : fallback) : byProvince;
    }

    /** The agency profile the renderer prints, from the agency's details and these settings. */
    public AgencyProfile agencyProfile(String name, String contact, String address, List<String> fallbackPlatforms) {
        AgencyProfile.SealImage seal = null;
        if (sealImage != null && !sealImage.isBlank()) {
            try {
                seal = new AgencyProfile.SealImage(Files.readAllBytes(Path.of(sealImage)), sealDiameterMm);
            } catch (IOException e) {
                throw new UncheckedIOException("notice.documents.seal-image " + sealImage + " cannot be read", e);
            }
        }
        return new AgencyProfile(name, contact, address, platforms(fallbackPlatforms),
                new AgencyProfile.Payment(payment.bank(), payment.accountName(), payment.account(), payment.electronic()),
                redFastLane, seal);
    }
}
