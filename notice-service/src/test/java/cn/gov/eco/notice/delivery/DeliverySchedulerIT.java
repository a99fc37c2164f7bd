package cn.gov.eco.notice.delivery;

import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.FailureReason;
import cn.gov.eco.notice.delivery.model.ServiceAttempt;
import cn.gov.eco.notice.delivery.model.ServiceMethod;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.contracts.EventTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart-safe scheduler with an injected clock against the MongoDB wire server: electronic dispatch (once per
 * delivery, kept pending with backoff while the channel is down), the arrival completing the service at the
 * channel's time, the 7-working-day overdue watch (T2), the end of a public notice (T20), and claims.
 */
class DeliverySchedulerIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    // 2026-11-23 10:00 in China
    final DeliveryWorld world = new DeliveryWorld(Instant.parse("2026-11-23T02:00:00Z"));

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldGoElectronicOnAConsentSendOnceAndCompleteAtTheChannelsArrivalTime() {
        world.consent(DeliveryWorld.USCC);
        String caseId = UUID.randomUUID().toString();
        assertThat(world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20))))
                .isTrue();
        assertThat(world.delivery(caseId).openAttempt().orElseThrow().method()).isEqualTo(ServiceMethod.ELECTRONIC);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted");

        var scheduler = world.scheduler();
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(scheduler.runDue()).isZero();
        assertThat(world.channel.calls()).isEqualTo(1);
        var dispatched = world.channel.delivered().getFirst();
        assertThat(dispatched.documents()).extracting(d -> d.kind())
                .containsExactly("PENALTY_DECISION", "REPAIR_RIGHTS_NOTICE");
        assertThat(dispatched.address()).isEqualTo("qingyuan@edelivery.example.cn");
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.IN_SERVICE);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted");

        Instant arrival = Instant.parse("2026-11-23T02:00:07Z");
        world.clock.advance(Duration.ofMinutes(5));
        String message = world.channel.messageIdOf(caseId);
        world.arrivals.arrived(caseId, message, arrival);
        world.arrivals.arrived(caseId, message, arrival); // the same receipt again

        DualDelivery served = world.delivery(caseId);
        assertThat(served.status()).isEqualTo(DualDelivery.Status.SERVED);
        assertThat(served.serviceAct().servedAt()).isEqualTo(arrival);
        assertThat(served.serviceAct().servedDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted", "DualDeliveryCompleted");
        var completed = world.events(caseId).getLast();
        assertThat(new EventSchemas().errors(EventTypes.DUAL_DELIVERY_COMPLETED, completed.payloadJson())).isEmpty();
        var body = JSON.readTree(completed.payloadJson());
        assertThat(body.at("/serviceAct/servedAt").asString()).isEqualTo("2026-11-23T02:00:07Z");
        assertThat(body.at("/serviceAct/method").asString()).isEqualTo("ELECTRONIC");
        assertThat(body.at("/serviceAct/channel").asString()).isEqualTo(DeliveryWorld.CHANNEL);
        assertThat(body.get("documents").size()).isEqualTo(2);
        assertThat(world.events(caseId)).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(world.channel.delivered()).hasSize(1);
    }

    @Test
    void shouldWaitForAnOfficerWithoutAConsentAndNeverSendElectronically() {
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20)));
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.PREPARED);
        assertThat(world.scheduler().runDue()).isZero();
        assertThat(world.channel.calls()).isZero();
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared");
    }

    @Test
    void shouldKeepTheDeliveryPendingWithBackoffWhileTheChannelIsDownAndSendItOnceAfterRecovery() {
        world.consent(DeliveryWorld.USCC);
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20)));
        var scheduler = world.scheduler();
        world.channel.down(true);
        Instant start = world.clock.instant();

        assertThat(scheduler.runDue()).isEqualTo(1);
        var attempt = world.delivery(caseId).openAttempt().orElseThrow();
        assertThat(attempt.nextSendAt()).isEqualTo(start.plusSeconds(30));
        assertThat(attempt.sends()).isEqualTo(1);
        assertThat(attempt.lastSendError()).contains("down");

        world.clock.advance(Duration.ofSeconds(29));
        assertThat(scheduler.runDue()).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(world.delivery(caseId).openAttempt().orElseThrow().nextSendAt())
                .isEqualTo(world.clock.instant().plusSeconds(60)); // doubled
        assertThat(world.channel.calls()).isEqualTo(2);

        // a "restart": a new scheduler finds the pending delivery from the document alone
        world.channel.down(false);
        world.clock.advance(Duration.ofSeconds(60));
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        assertThat(world.channel.delivered()).hasSize(1);
        assertThat(world.delivery(caseId).openAttempt().orElseThrow().platformMessageId())
                .isEqualTo("msg-" + caseId);
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.IN_SERVICE);
        world.clock.advance(Duration.ofHours(2));
        assertThat(world.scheduler().runDue()).isZero();
        assertThat(world.channel.calls()).isEqualTo(3);
    }

    @Test
    void shouldRaiseDeliveryOverdueOnceTheDayAfterTheSeventhWorkingDay() {
        // decided 2026-09-24: Mid-Autumn 09-25..27, National Day 10-01..07, 10-10 (Sat) worked → serve by 2026-10-12
        world.clock.set(Instant.parse("2026-09-24T02:00:00Z"));
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 9, 24)));
        assertThat(world.delivery(caseId).serveBy().date()).isEqualTo(LocalDate.of(2026, 10, 12));

        world.clock.set(Instant.parse("2026-10-12T15:59:59Z")); // 23:59:59 on 10-12 in China
        assertThat(world.scheduler().runDue()).isZero();
        world.clock.set(Instant.parse("2026-10-12T16:00:00Z")); // 00:00 on 10-13 in China
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        assertThat(world.delivery(caseId).overdue()).isTrue();
        world.clock.advance(Duration.ofDays(3));
        assertThat(world.scheduler().runDue()).isZero(); // restart-safe: once per delivery
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryOverdue");
        var overdue = world.events(caseId).getLast();
        assertThat(new EventSchemas().errors(EventTypes.DELIVERY_OVERDUE, overdue.payloadJson())).isEmpty();
        assertThat(JSON.readTree(overdue.payloadJson()).at("/serveBy/date").asString()).isEqualTo("2026-10-12");
        assertThat(world.deliveries.flagged("overdue", 10)).extracting(DualDelivery::caseId).contains(caseId);
    }

    @Test
    void shouldNotRaiseDeliveryOverdueForADeliveryServedInTime() {
        world.clock.set(Instant.parse("2025-01-24T02:00:00Z"));
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2025, 1, 24)));
        // Spring Festival 2025: 01-26 and 02-08 worked → serve by 2025-02-10
        assertThat(world.delivery(caseId).serveBy().date()).isEqualTo(LocalDate.of(2025, 2, 10));
        world.clock.set(Instant.parse("2025-02-10T03:00:00Z"));
        var served = world.changes.apply(caseId, s -> new cn.gov.eco.notice.delivery.application.DeliveryChanges
                .Change(s.delivery().startAttempt(ServiceMethod.POSTAL, null, world.clock.instant(), "officer-lin"),
                java.util.List.of()));
        assertThat(served.status()).isEqualTo(DualDelivery.Status.IN_SERVICE);
        world.clock.set(Instant.parse("2025-02-10T16:00:00Z"));
        // still not served: overdue even with an attempt running
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        assertThat(world.delivery(caseId).overdue()).isTrue();
    }

    @Test
    void shouldDeemAPublicNoticeServedThirtyDaysAfterPublicationAndAnnounceIt() {
        world.clock.set(Instant.parse("2025-09-10T02:00:00Z"));
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2025, 9, 10)));
        world.changes.apply(caseId, s -> new cn.gov.eco.notice.delivery.application.DeliveryChanges.Change(
                s.delivery().startAttempt(ServiceMethod.POSTAL, null, world.clock.instant(), "officer-lin")
                        .failed(FailureReason.RETURNED, LocalDate.of(2025, 9, 15), null, java.util.List.of(),
                                world.clock.instant()), java.util.List.of()));
        world.clock.set(Instant.parse("2025-09-20T02:00:00Z"));
        var pn = world.recording().publishPublicNotice(officer(), caseId,
                new cn.gov.eco.notice.delivery.application.ServiceRecording.PublicNoticeCommand(
                        LocalDate.of(2025, 9, 20), "泉州晚报", "邮寄被退回，受送达人下落不明", true, null));
        assertThat(pn.publicNotice().orElseThrow().deemedServedOn().date()).isEqualTo(LocalDate.of(2025, 10, 20));
        world.clock.set(Instant.parse("2025-10-19T15:59:59Z"));
        world.scheduler().runDue();
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.PUBLIC_NOTICE_PUBLISHED);
        world.clock.set(Instant.parse("2025-10-19T16:00:00Z")); // 2025-10-20 00:00 in China
        world.scheduler().runDue();
        DualDelivery served = world.delivery(caseId);
        assertThat(served.status()).isEqualTo(DualDelivery.Status.SERVED);
        assertThat(served.serviceAct().deemed()).isTrue();
        assertThat(served.serviceAct().servedDate()).isEqualTo(LocalDate.of(2025, 10, 20));
        // the decision of 09-10 was due by 09-19 (T2): overdue too, in the same pass, before it was deemed served
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryOverdue", "DualDeliveryCompleted");
        var body = JSON.readTree(world.events(caseId).getLast().payloadJson());
        assertThat(body.at("/serviceAct/deemed").asBoolean()).isTrue();
        assertThat(body.at("/serviceAct/servedDate").asString()).isEqualTo("2025-10-20");
    }

    @Test
    void shouldLeaveADeliveryClaimedByAnotherInstanceAloneUntilItsClaimLapses() {
        world.consent(DeliveryWorld.USCC);
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20)));
        // another instance claimed it and died
        assertThat(world.deliveries.claimDue(world.clock.instant(), DeliveryWorld.SETTINGS.claimLease())).isPresent();
        assertThat(world.scheduler().runDue()).isZero();
        world.clock.advance(DeliveryWorld.SETTINGS.claimLease().minusSeconds(1));
        assertThat(world.scheduler().runDue()).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        assertThat(world.channel.delivered()).hasSize(1);
        assertThat(world.delivery(caseId).openAttempt().map(ServiceAttempt::platformMessageId))
                .contains("msg-" + caseId);
    }

    @Test
    void shouldNotSendAfterTheConsentWasWithdrawnAndRecommendServiceInPerson() {
        world.consent(DeliveryWorld.USCC);
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20)));
        world.channel.down(true);
        world.scheduler().runDue(); // pending, to be retried
        var enterprise = new cn.gov.eco.platform.security.Actor("enterprise-a", "陈建国",
                java.util.Set.of(cn.gov.eco.contracts.identity.Role.ENTERPRISE), java.util.Set.of(DeliveryWorld.USCC),
                false, null);
        world.consents.revoke(enterprise, DeliveryWorld.USCC);
        world.channel.down(false);
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        assertThat(world.channel.delivered()).isEmpty();
        DualDelivery d = world.delivery(caseId);
        assertThat(d.status()).isEqualTo(DualDelivery.Status.PREPARED);
        assertThat(d.attempts().getFirst().failureReason()).isEqualTo(FailureReason.CONSENT_REVOKED);
        assertThat(d.recommendedMethod()).isEqualTo(ServiceMethod.DIRECT);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted");
        assertThat(JSON.readTree(world.events(caseId).getLast().payloadJson()).get("failureReason").asString())
                .isEqualTo("CONSENT_REVOKED");
    }

    @Test
    void shouldFailAnElectronicAttemptWhoseArrivalReceiptNeverCameAndRecommendServiceInPerson() {
        world.consent(DeliveryWorld.USCC);
        String caseId = UUID.randomUUID().toString();
        world.decisions().onPenaltyDecided(DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20)));
        world.scheduler().runDue(); // sent; the platform never calls back
        world.clock.advance(Duration.ofHours(72).minusSeconds(1));
        assertThat(world.scheduler().runDue()).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        DualDelivery d = world.delivery(caseId);
        assertThat(d.status()).isEqualTo(DualDelivery.Status.PREPARED);
        assertThat(d.attempts().getFirst().failureReason()).isEqualTo(FailureReason.ELECTRONIC_UNDELIVERABLE);
        assertThat(d.recommendedMethod()).isEqualTo(ServiceMethod.DIRECT);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted", "DeliveryAttempted");
        // a receipt arriving after that is refused: the attempt is over
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.arrivals.arrived(caseId, "msg-" + caseId,
                world.clock.instant())).isInstanceOf(cn.gov.eco.platform.web.ProblemException.class);
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.PREPARED);
    }

    static cn.gov.eco.platform.security.Actor officer() {
        return new cn.gov.eco.platform.security.Actor("officer-lin", "林志远",
                java.util.Set.of(cn.gov.eco.contracts.identity.Role.OFFICER), java.util.Set.of(), false, "泉州市生态环境局");
    }
}
