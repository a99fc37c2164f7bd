package cn.gov.eco.notice.channel.infrastructure;

/**
 * One attempt at the platform failed in a way that may pass: no connection, a 5xx, 429, a refused signature (a
 * secret out of step). Retried, and counted by the circuit breaker.
 */
class PlatformFailureException extends RuntimeException {

    PlatformFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
