package cn.gov.eco.notice.delivery.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 电子送达确认书 / 送达地址确认书: the enterprise's consent to electronic service on one channel and address
 * (《民事诉讼法》第九十条: only with the addressee's consent; 《行政处罚法》第六十一条: the party signs a confirmation).
 * Without a valid one, nothing is served electronically (DOMAIN.md §8.5.6).
 *
 * @param source      who recorded it: an officer from the signed paper confirmation, or the enterprise online
 * @param evidenceRef the scanned confirmation (an uploaded evidence id), or the online signature's reference
 * @param revokedAt   when the enterprise withdrew it; a revoked consent serves nothing from then on
 */
public record EServiceConsent(String consentId, String uscc, String channel, String address, LocalDate signedOn,
                              Source source, String evidenceRef, Instant recordedAt, String recordedBy,
                              Instant revokedAt, String revokedBy) {

    public EServiceConsent {
        Objects.requireNonNull(consentId);
        Objects.requireNonNull(uscc);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(address);
        Objects.requireNonNull(signedOn);
        Objects.requireNonNull(source);
        Objects.requireNonNull(evidenceRef);
    }

    public enum Source {
        /** 执法人员依据企业签署的送达地址确认书录入. */
        OFFICER_FROM_SIGNED_CONFIRMATION,
        /** 企业在线签署. */
        ENTERPRISE_ONLINE
    }

    public boolean valid() {
        return revokedAt == null;
    }

    public EServiceConsent revoked(Instant at, String by) {
        if (!valid()) {
            throw new IllegalStateException("consent " + consentId + " is already revoked");
        }
        return new EServiceConsent(consentId, uscc, channel, address, signedOn, source, evidenceRef, recordedAt,
                recordedBy, at, by);
    }

    public ElectronicTarget target() {
        return new ElectronicTarget(consentId, channel, address);
    }
}
