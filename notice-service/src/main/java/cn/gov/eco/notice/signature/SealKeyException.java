package cn.gov.eco.notice.signature;

/** The seal key cannot be read, created or used: the service does not start without its seal. */
public class SealKeyException extends RuntimeException {

    public SealKeyException(String message) {
        super(message);
    }

    public SealKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
