package cn.gov.eco.notice.delivery.model;

import java.util.Objects;

/**
 * Where an electronic service goes, taken from the enterprise's consent at the time the attempt started
 * (《民事诉讼法》第九十条; 《行政处罚法》第六十一条: 送达地址确认书).
 */
public record ElectronicTarget(String consentId, String channel, String address) {

    public ElectronicTarget {
        Objects.requireNonNull(consentId);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(address);
    }
}
