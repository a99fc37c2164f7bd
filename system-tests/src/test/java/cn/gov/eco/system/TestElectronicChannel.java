package cn.gov.eco.system;

import cn.gov.eco.notice.channel.ChannelSubmission;
import cn.gov.eco.notice.channel.ElectronicArrivals;
import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the electronic-delivery platform in the system tests, until the HTTP adapter and the platform
 * simulator are part of the build: it takes each delivery once (idempotent by delivery id, as the port requires) and
 * reports its arrival a moment later through notice-service's {@link ElectronicArrivals}, with the platform's own
 * time. {@link Primary}, so it wins over an adapter bean that may exist.
 */
@Configuration
class TestElectronicChannel {

    @Bean
    @Primary
    ElectronicDeliveryChannel testElectronicDeliveryChannel(Clock clock, ObjectProvider<ElectronicArrivals> arrivals) {
        Map<String, ChannelSubmission> taken = new ConcurrentHashMap<>();
        return dispatch -> taken.computeIfAbsent(dispatch.deliveryId(), id -> {
            var submission = new ChannelSubmission("sys-msg-" + id, clock.instant());
            CompletableFuture.runAsync(() -> arrivals.getObject().arrived(id, submission.platformMessageId(),
                    clock.instant()), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            return submission;
        });
    }
}
