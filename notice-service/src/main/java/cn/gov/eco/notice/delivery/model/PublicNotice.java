package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 公告送达 (《民事诉讼法》第九十五条): published when the addressee cannot be located or no other method worked; the
 * reasons and the process are recorded in the file. Deemed served when the period has passed (T20: 30 days, 60 for a
 * party with no domicile in China, 第二百八十三条).
 */
public record PublicNotice(LocalDate publishedOn, String medium, String reasons, boolean domicileInChina,
                           ExplainedDate deemedServedOn, List<String> evidenceIds) {

    public PublicNotice {
        Objects.requireNonNull(publishedOn);
        Objects.requireNonNull(deemedServedOn);
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
