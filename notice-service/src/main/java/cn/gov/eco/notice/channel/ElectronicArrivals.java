package cn.gov.eco.notice.channel;

import java.time.Instant;

/**
 * Where the platform's arrival receipt goes: the delivery feature implements this, the channel's callback endpoint
 * calls it. The arrival time is the channel's (《民事诉讼法》第九十条第二款), never typed in by a person.
 * Idempotent: the same receipt twice records one arrival.
 */
public interface ElectronicArrivals {

    /**
     * @param deliveryId        the dual delivery the platform was given
     * @param platformMessageId the platform's message id from {@link ChannelSubmission}
     * @param arrivedAt         when both documents reached the addressee's designated system
     */
    void arrived(String deliveryId, String platformMessageId, Instant arrivedAt);
}
