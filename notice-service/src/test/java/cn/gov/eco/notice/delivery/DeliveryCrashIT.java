package cn.gov.eco.notice.delivery;

import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.notice.delivery.application.DeliveryChanges;
import cn.gov.eco.notice.delivery.application.DeliveryScheduler;
import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.ElectronicArrivalService;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.model.DocumentKind;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.notice.delivery.web.DeliveryController;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RELIABILITY.md R6, "two documents, one act": a crash injected at every step of a delivery — after the rendering,
 * after the store of one PDF, before and after the write of the delivery with its outbox, before and after the
 * channel send, before and after the arrival — through test doubles of the renderer, the document store, the
 * repository and the channel; then the flow is restarted (a fresh service over the same database, the event
 * delivered again, the claim lapsed, the callback repeated). After each crash and after each restart, no document
 * is recorded, announced or shown as served without the other, and each delivery is completed exactly once.
 */
class DeliveryCrashIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final DeliveryWorld world = new DeliveryWorld(Instant.parse("2026-11-23T02:00:00Z"));

    static class Crash extends RuntimeException {
        Crash(String step) {
            super("injected crash: " + step);
        }
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** The R6 invariant on what is stored, announced and shown. */
    void assertNeverOneDocumentWithoutTheOther(String caseId) {
        Optional<DualDelivery> d = world.deliveries.find(caseId);
        var events = world.events(caseId);
        if (d.isEmpty()) {
            assertThat(events).as("no delivery, nothing announced").isEmpty();
            return;
        }
        DualDelivery delivery = d.get();
        assertThat(delivery.documents()).extracting(ServedDocument::kind)
                .containsExactly(DocumentKind.PENALTY_DECISION, DocumentKind.REPAIR_RIGHTS_NOTICE);
        for (var e : events) {
            var body = JSON.readTree(e.payloadJson());
            if (body.has("documents")) {
                assertThat(body.get("documents").findValuesAsString("kind")).as(e.ceType())
                        .containsExactly("PENALTY_DECISION", "REPAIR_RIGHTS_NOTICE");
            }
        }
        long completed = events.stream().filter(e -> e.ceType().endsWith("DualDeliveryCompleted.v1")).count();
        boolean served = delivery.status() == DualDelivery.Status.SERVED;
        assertThat(completed).as("announced as served once, and only when served").isEqualTo(served ? 1 : 0);
        assertThat(delivery.serviceAct() != null).isEqualTo(served);
        assertThat(DeliveryController.DeliveryView.of(delivery).served()).isEqualTo(served);
        // the stored PDFs are the ones the delivery names
        for (ServedDocument doc : delivery.documents()) {
            byte[] pdf = world.documents.content(doc.documentId()).orElseThrow();
            assertThat(DocumentStore.sha256(pdf)).isEqualTo(doc.sha256());
        }
        // the addressee got at most one message for the delivery, with both documents
        assertThat(world.channel.delivered().stream().filter(m -> m.deliveryId().equals(caseId)))
                .hasSizeLessThanOrEqualTo(1).allSatisfy(m -> assertThat(m.documents()).hasSize(2));
    }

    String newCase() {
        return UUID.randomUUID().toString();
    }

    PenaltyDecidedMessage decided(String caseId) {
        return DeliveryWorld.decided(caseId, LocalDate.of(2026, 11, 20));
    }

    /** Restart: a fresh service over the same database completes the delivery from the redelivered event. */
    void restartAndComplete(String caseId, PenaltyDecidedMessage m) {
        world.decisions().onPenaltyDecided(m);
        assertNeverOneDocumentWithoutTheOther(caseId);
        world.scheduler().runDue();
        assertNeverOneDocumentWithoutTheOther(caseId);
        world.arrivals.arrived(caseId, world.channel.messageIdOf(caseId), world.clock.instant());
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.SERVED);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted", "DualDeliveryCompleted");
    }

    @Test
    void shouldLeaveNothingWhenTheServiceCrashesRightAfterRenderingAndCompleteAfterRestart() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        var m = decided(caseId);
        DocumentRendering crashAfterRender = (msg, plan, number) -> {
            world.rendering().render(msg, plan, number);
            throw new Crash("after render");
        };
        assertThatThrownBy(() -> world.decisions(world.deliveries, world.documents, crashAfterRender)
                .onPenaltyDecided(m)).isInstanceOf(Crash.class);
        assertThat(world.db.getCollection(DocumentStore.COLLECTION).countDocuments(new Document("caseId", caseId)))
                .isZero();
        assertNeverOneDocumentWithoutTheOther(caseId);
        restartAndComplete(caseId, m);
    }

    @Test
    void shouldNeverRecordTheDecisionAloneWhenTheServiceCrashesAfterStoringOnePdf() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        var m = decided(caseId);
        DocumentStore crashAfterTheFirst = new DocumentStore(world.db, world.clock) {
            @Override
            public ServedDocument storeOnce(String id, DocumentKind kind, String number, byte[] pdf) {
                if (kind == DocumentKind.REPAIR_RIGHTS_NOTICE) {
                    throw new Crash("after the store of one PDF");
                }
                return super.storeOnce(id, kind, number, pdf);
            }
        };
        assertThatThrownBy(() -> world.decisions(world.deliveries, crashAfterTheFirst, world.rendering())
                .onPenaltyDecided(m)).isInstanceOf(Crash.class);
        // one PDF is in the store, but nothing records, announces or shows a delivery of it
        assertThat(world.documents.find(caseId, DocumentKind.PENALTY_DECISION)).isPresent();
        assertThat(world.documents.find(caseId, DocumentKind.REPAIR_RIGHTS_NOTICE)).isEmpty();
        assertThat(world.deliveries.find(caseId)).isEmpty();
        assertNeverOneDocumentWithoutTheOther(caseId);
        String firstDecisionSha = world.documents.find(caseId, DocumentKind.PENALTY_DECISION).orElseThrow().sha256();
        restartAndComplete(caseId, m);
        // the PDF stored first is the one served and announced
        assertThat(world.delivery(caseId).decision().sha256()).isEqualTo(firstDecisionSha);
    }

    @Test
    void shouldLeaveNoDeliveryWhenTheServiceCrashesBeforeTheOutboxWrite() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        var m = decided(caseId);
        DeliveryRepository crashBeforeWrite = new DeliveryRepository(world.db, world.outbox, world.relay, world.json) {
            @Override
            public boolean insert(DualDelivery d, List<NewEvent> events) {
                throw new Crash("before the outbox write");
            }
        };
        assertThatThrownBy(() -> world.decisions(crashBeforeWrite, world.documents, world.rendering())
                .onPenaltyDecided(m)).isInstanceOf(Crash.class);
        assertThat(world.deliveries.find(caseId)).isEmpty();
        assertNeverOneDocumentWithoutTheOther(caseId);
        restartAndComplete(caseId, m);
        assertThat(world.renders.get()).isEqualTo(1); // the stored pair is reused, not rendered again
    }

    @Test
    void shouldNotPrepareTwiceWhenTheServiceCrashesAfterTheOutboxWriteAndTheEventComesAgain() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        var m = decided(caseId);
        DeliveryRepository crashAfterWrite = new DeliveryRepository(world.db, world.outbox, world.relay, world.json) {
            @Override
            public boolean insert(DualDelivery d, List<NewEvent> events) {
                super.insert(d, events);
                throw new Crash("after the outbox write");
            }
        };
        assertThatThrownBy(() -> world.decisions(crashAfterWrite, world.documents, world.rendering())
                .onPenaltyDecided(m)).isInstanceOf(Crash.class);
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.decisions().onPenaltyDecided(m)).as("the redelivered event is a no-op").isFalse();
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted");
        world.scheduler().runDue();
        world.arrivals.arrived(caseId, world.channel.messageIdOf(caseId), world.clock.instant());
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted", "DualDeliveryCompleted");
    }

    @Test
    void shouldSendAfterTheClaimLapsesWhenTheSchedulerCrashesBeforeTheChannelSend() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        world.decisions().onPenaltyDecided(decided(caseId));
        AtomicBoolean crash = new AtomicBoolean(true);
        ElectronicDeliveryChannel crashBeforeSend = dispatch -> {
            if (crash.getAndSet(false)) {
                throw new Crash("before the channel send");
            }
            return world.channel.send(dispatch);
        };
        new DeliveryScheduler(world.deliveries, world.documents, crashBeforeSend, world.clock, UUID::randomUUID,
                DeliveryWorld.SETTINGS, world.consents::stillConsented).runDue();
        assertThat(world.channel.delivered()).isEmpty();
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.scheduler().runDue()).as("claimed by the crashed instance").isZero();
        world.clock.advance(DeliveryWorld.SETTINGS.claimLease());
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        world.arrivals.arrived(caseId, world.channel.messageIdOf(caseId), world.clock.instant());
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.channel.delivered()).hasSize(1);
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.SERVED);
    }

    @Test
    void shouldDeliverOnceWhenTheSchedulerCrashesAfterTheChannelTookTheMessage() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        world.decisions().onPenaltyDecided(decided(caseId));
        ElectronicDeliveryChannel crashAfterSend = dispatch -> {
            world.channel.send(dispatch);
            throw new Crash("after the channel send");
        };
        new DeliveryScheduler(world.deliveries, world.documents, crashAfterSend, world.clock, UUID::randomUUID,
                DeliveryWorld.SETTINGS, world.consents::stillConsented).runDue();
        assertThat(world.channel.delivered()).hasSize(1);
        assertThat(world.delivery(caseId).openAttempt().orElseThrow().platformMessageId()).isNull();
        assertNeverOneDocumentWithoutTheOther(caseId);

        world.clock.advance(DeliveryWorld.SETTINGS.claimLease());
        assertThat(world.scheduler().runDue()).isEqualTo(1);
        assertThat(world.channel.calls()).isEqualTo(2);
        assertThat(world.channel.delivered()).as("the addressee got one message").hasSize(1);
        assertThat(world.delivery(caseId).openAttempt().orElseThrow().platformMessageId()).isEqualTo("msg-" + caseId);
        world.arrivals.arrived(caseId, "msg-" + caseId, world.clock.instant());
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.eventTypes(caseId)).containsExactly("DualDeliveryPrepared", "DeliveryAttempted",
                "DeliveryAttempted", "DualDeliveryCompleted");
    }

    @Test
    void shouldServeWhenTheArrivalComesBeforeTheSchedulerRecordedTheSubmission() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        world.decisions().onPenaltyDecided(decided(caseId));
        Instant arrival = world.clock.instant().plusSeconds(1);
        // the platform calls back while the send is still returning, then the scheduler crashes
        ElectronicDeliveryChannel fastPlatform = dispatch -> {
            var s = world.channel.send(dispatch);
            world.arrivals.arrived(dispatch.deliveryId(), s.platformMessageId(), arrival);
            throw new Crash("after the send, the arrival already recorded");
        };
        new DeliveryScheduler(world.deliveries, world.documents, fastPlatform, world.clock, UUID::randomUUID,
                DeliveryWorld.SETTINGS, world.consents::stillConsented).runDue();
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.delivery(caseId).serviceAct().servedAt()).isEqualTo(arrival);
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.scheduler().runDue()).isZero();
        assertThat(world.channel.calls()).isEqualTo(1);
        assertNeverOneDocumentWithoutTheOther(caseId);
    }

    @Test
    void shouldCompleteOnceWhenTheArrivalIsNotRecordedAndThePlatformCallsAgain() {
        world.consent(DeliveryWorld.USCC);
        String caseId = newCase();
        world.decisions().onPenaltyDecided(decided(caseId));
        world.scheduler().runDue();
        AtomicBoolean crash = new AtomicBoolean(true);
        DeliveryRepository crashBeforeArrival = new DeliveryRepository(world.db, world.outbox, world.relay,
                world.json) {
            @Override
            public boolean save(Stored prior, DualDelivery next, List<NewEvent> events) {
                if (crash.getAndSet(false)) {
                    throw new Crash("before the arrival is recorded");
                }
                return super.save(prior, next, events);
            }
        };
        var arrivals = new ElectronicArrivalService(new DeliveryChanges(crashBeforeArrival), world.clock,
                UUID::randomUUID);
        Instant arrival = world.clock.instant().plusSeconds(3);
        assertThatThrownBy(() -> arrivals.arrived(caseId, "msg-" + caseId, arrival)).isInstanceOf(Crash.class);
        assertThat(world.delivery(caseId).status()).isEqualTo(DualDelivery.Status.IN_SERVICE);
        assertNeverOneDocumentWithoutTheOther(caseId);

        arrivals.arrived(caseId, "msg-" + caseId, arrival); // the platform retries its callback
        assertNeverOneDocumentWithoutTheOther(caseId);
        arrivals.arrived(caseId, "msg-" + caseId, arrival); // after the arrival: the answer was lost, again
        assertNeverOneDocumentWithoutTheOther(caseId);
        assertThat(world.delivery(caseId).serviceAct().servedAt()).isEqualTo(arrival);
    }
}
