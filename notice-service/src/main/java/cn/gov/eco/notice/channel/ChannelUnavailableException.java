package cn.gov.eco.notice.channel;

/** The electronic-delivery platform cannot take a message now; the caller keeps the delivery pending. */
public class ChannelUnavailableException extends RuntimeException {

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
