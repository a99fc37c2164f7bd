package cn.gov.eco.notice.channel;

import java.time.Instant;

/** The platform took the message: its own id for it and when it accepted it (not when it arrived). */
public record ChannelSubmission(String platformMessageId, Instant acceptedAt) {
}
