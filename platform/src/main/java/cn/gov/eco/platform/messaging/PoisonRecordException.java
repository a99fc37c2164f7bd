package cn.gov.eco.platform.messaging;

/** A record that no retry can make readable: it goes to the dead-letter topic with its coordinates. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
