package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.security.ActorRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment towards the decision (缴纳罚款, 行政处罚法 第六十七条), recorded by an officer or reported by the payment
 * channel. {@code paymentId} is the channel's transaction id when there is one, so a report sent twice is one payment.
 */
public record Payment(String paymentId, LocalDate paidDate, BigDecimal amount, String channel, String reference,
                      ActorRef recordedBy, Instant recordedAt) {
}
