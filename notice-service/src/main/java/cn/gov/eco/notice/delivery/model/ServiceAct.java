package cn.gov.eco.notice.delivery.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 送达行为: one act of service, recorded on one 送达回证. It always covers both documents of the delivery it belongs
 * to; there is no way to record an act for one of them.
 *
 * @param deemed  true when the law deems the documents served (public notice) rather than received
 * @param channel for electronic service, the channel the arrival receipt came from
 */
public record ServiceAct(String actId, ServiceMethod method, Instant servedAt, LocalDate servedDate, boolean deemed,
                         String channel) {

    public ServiceAct {
        Objects.requireNonNull(actId);
        Objects.requireNonNull(method);
        Objects.requireNonNull(servedAt);
        Objects.requireNonNull(servedDate);
    }
}
