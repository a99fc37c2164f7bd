package cn.gov.eco.notice.delivery.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 送达行为: one act of service, recorded on one 送达回证. It always covers both documents of the delivery it belongs
 * to; there is no way to record an act for one of them.
 *
 * @param servedAt          when the documents were served: the channel's arrival time for electronic service, the
 *                          start of the served date (Asia/Shanghai) for paper methods, whose receipts carry a date only
 * @param servedDate        the served or deemed-served date: the date the payment and remedy clocks start from
 * @param deemed            true when the law deems the documents served (public notice) rather than received
 * @param channel           for electronic service, the channel the arrival receipt came from
 * @param proof             for a paper method, what its receipt records
 * @param platformMessageId for electronic service, the channel's message id
 * @param consentId         for electronic service, the consent (送达地址确认书) it relied on
 * @param address           for electronic service, the consented address
 * @param publicNotice      for a public notice, its publication
 */
public record ServiceAct(String actId, ServiceMethod method, Instant servedAt, LocalDate servedDate, boolean deemed,
                         String channel, ServiceProof proof, String platformMessageId, String consentId,
                         String address, PublicNotice publicNotice, Instant recordedAt, String recordedBy) {

    public ServiceAct {
        Objects.requireNonNull(actId);
        Objects.requireNonNull(method);
        Objects.requireNonNull(servedAt);
        Objects.requireNonNull(servedDate);
    }

    /** An act with no more than its method, time and channel. */
    public ServiceAct(String actId, ServiceMethod method, Instant servedAt, LocalDate servedDate, boolean deemed,
                      String channel) {
        this(actId, method, servedAt, servedDate, deemed, channel, null, null, null, null, null, servedAt, null);
    }
}
