package cn.gov.eco.notice.channel;

/**
 * The outside electronic-delivery platform (电子送达平台) that serves both documents to the enterprise's consented
 * address (《民事诉讼法》第九十条: service by electronic means needs the addressee's consent; it is effective when the
 * document reaches the addressee's designated system). notice-service's delivery feature calls this port; the HTTP
 * adapter behind it is guarded by Resilience4j and has a simulator for the embedded default and the tests.
 *
 * <p>The arrival time never comes from this call: the platform reports it later through its callback
 * ({@link ElectronicArrivals}), because only the channel knows when the documents reached the addressee.
 */
public interface ElectronicDeliveryChannel {

    /**
     * Hands both documents to the platform in one message. Idempotent by {@link ElectronicDispatch#deliveryId()}:
     * sending the same delivery again returns the platform's first message id and sends nothing twice.
     *
     * @throws ChannelUnavailableException when the platform cannot take the message now (down, slow, circuit
     *                                     open, rate-limited); the delivery stays pending and is sent again later
     */
    ChannelSubmission send(ElectronicDispatch dispatch);
}
