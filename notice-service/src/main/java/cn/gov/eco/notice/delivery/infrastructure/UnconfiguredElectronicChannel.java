package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.channel.ChannelSubmission;
import cn.gov.eco.notice.channel.ChannelUnavailableException;
import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.notice.channel.ElectronicDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in when no electronic-delivery channel adapter is configured: every send is refused as "unavailable", so
 * electronic deliveries stay pending (nothing lost, nothing faked as served) and are sent once an adapter exists. It
 * says so loudly, at start and at every refused send.
 */
public class UnconfiguredElectronicChannel implements ElectronicDeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(UnconfiguredElectronicChannel.class);

    public UnconfiguredElectronicChannel() {
        log.error("NO ELECTRONIC-DELIVERY CHANNEL IS CONFIGURED: electronic deliveries stay pending until one is");
    }

    @Override
    public ChannelSubmission send(ElectronicDispatch dispatch) {
        log.error("delivery {} not sent: no electronic-delivery channel is configured", dispatch.deliveryId());
        throw new ChannelUnavailableException("no electronic-delivery channel is configured", null);
    }
}
