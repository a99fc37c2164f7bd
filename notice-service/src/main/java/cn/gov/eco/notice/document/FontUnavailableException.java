package cn.gov.eco.notice.document;

/** The CJK font cannot be found or read; the message says how to install it. */
public class FontUnavailableException extends RuntimeException {

    public FontUnavailableException(String message) {
        super(message);
    }

    public FontUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
