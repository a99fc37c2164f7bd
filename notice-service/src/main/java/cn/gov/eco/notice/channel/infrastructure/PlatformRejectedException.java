package cn.gov.eco.notice.channel.infrastructure;

/**
 * The platform refused the message itself (400, 409, 413, 422): sending it again will not help, and it says nothing
 * about the platform's health, so neither retried nor counted by the circuit breaker.
 */
class PlatformRejectedException extends RuntimeException {

    PlatformRejectedException(String message) {
        super(message);
    }
}
