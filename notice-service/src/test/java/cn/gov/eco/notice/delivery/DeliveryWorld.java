package cn.gov.eco.notice.delivery;

import cn.gov.eco.platform.publicity.ClassificationRules;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.notice.delivery.application.ConsentService;
import cn.gov.eco.notice.delivery.application.DeliveryChanges;
import cn.gov.eco.notice.delivery.application.DeliveryScheduler;
import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.DualDeliveryService;
import cn.gov.eco.notice.delivery.application.ElectronicArrivalService;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.delivery.application.ServiceRecording;
import cn.gov.eco.notice.delivery.infrastructure.ConsentRepository;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.infrastructure.EvidenceStore;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.EServiceConsent;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.EventRaiser;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.publicity.PublicityDateRules;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery feature assembled by hand against the MongoDB wire server of the test infrastructure, with a clock
 * the test moves, an in-memory channel and a renderer double — for the scheduler, the channel and the crash tests
 * (RELIABILITY.md R6) that need to replace one part and "restart" the rest.
 */
class DeliveryWorld implements AutoCloseable {

    static final String CHANNEL = "e-delivery-platform";
    static final String USCC = "91350500MA2Y0001XX";
    static final AtomicInteger NUMBERS = new AtomicInteger(600);
    static final DeliveryScheduler.Settings SETTINGS = new DeliveryScheduler.Settings(Duration.ofMinutes(2),
            Duration.ofSeconds(30), Duration.ofMinutes(30), 50, Duration.ofHours(72));

    final MutableClock clock;
    final MongoClient client;
    final MongoDatabase db;
    final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    final WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);
    final OutboxWriter outbox;
    final OutboxRelay relay;
    final DocumentStore documents;
    final DeliveryRepository deliveries;
    final ConsentRepository consentRepository;
    final EvidenceStore evidence;
    final ConsentService consents;
    final FakeElectronicChannel channel;
    final DeliveryChanges changes;
    final ElectronicArrivalService arrivals;
    final AtomicInteger renders = new AtomicInteger();

    DeliveryWorld(Instant now) {
        clock = new MutableClock(now);
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        db = client.getDatabase("notice-delivery-" + UUID.randomUUID().toString().substring(0, 8));
        relay = new OutboxRelay(db, List.of(DeliveryRepository.COLLECTION), null, URI.create("/notice-service"),
                clock, Duration.ofSeconds(1), 100, 10);
        outbox = new OutboxWriter(new EventRaiser(json, new EventSchemas(), clock, UUID::randomUUID), relay);
        documents = new DocumentStore(db, clock);
        deliveries = new DeliveryRepository(db, outbox, relay, json);
        deliveries.ensureIndexes();
        consentRepository = new ConsentRepository(db, json);
        evidence = new EvidenceStore(db);
        consents = new ConsentService(consentRepository, evidence, new AccessPolicy(), Set.of(CHANNEL), clock,
                UUID::randomUUID);
        channel = new FakeElectronicChannel(clock);
        changes = new DeliveryChanges(deliveries);
        arrivals = new ElectronicArrivalService(changes, clock, UUID::randomUUID);
    }

    DeliveryScheduler scheduler() {
        return scheduler(deliveries);
    }

    DeliveryScheduler scheduler(DeliveryRepository repository) {
        return new DeliveryScheduler(repository, documents, channel, clock, UUID::randomUUID, SETTINGS,
                consents::stillConsented);
    }

    DualDeliveryService decisions() {
        return decisions(deliveries, documents, rendering());
    }

    DualDeliveryService decisions(DeliveryRepository repository, DocumentStore store, DocumentRendering renderer) {
        return new DualDeliveryService(repository, store, renderer, classifier(calendar), calendar, consents, clock,
                id -> { });
    }

    ServiceRecording recording() {
        return new ServiceRecording(changes, consents, evidence, new AccessPolicy(), calendar, clock,
                UUID::randomUUID, id -> { });
    }

    /** Both PDFs, as small as a PDF can be recognised. */
    DocumentRendering rendering() {
        return (m, plan, noticeNumber) -> {
            renders.incrementAndGet();
            return new DocumentRendering.RenderedPair(("%PDF-1.7 decision " + m.caseId()).getBytes(StandardCharsets.UTF_8),
                    ("%PDF-1.7 notice " + m.caseId()).getBytes(StandardCharsets.UTF_8));
        };
    }

    static PenaltyDecidedMessage decided(String caseId, LocalDate decisionDate) {
        return decided(caseId, decisionDate, USCC);
    }

    static final PublicityClassifier CLASSIFIER = classifier(WorkingDayCalendar.stateCouncil());

    /** The platform's one classification, with the shipped classification lists' defaults (none). */
    static PublicityClassifier classifier(WorkingDayCalendar calendar) {
        return new PublicityClassifier(new PublicityPeriods(calendar, PublicityDateRules.defaults(), false),
                new ClassificationRules(null, null, null), false);
    }

    static PenaltyDecidedMessage decided(String caseId, LocalDate decisionDate, String uscc) {
        return new PenaltyDecidedMessage(caseId, "d-" + caseId, "泉环罚〔" + decisionDate.getYear() + "〕"
                + NUMBERS.incrementAndGet() + "号", decisionDate,
                new PenaltyDecidedMessage.Enterprise(uscc, "泉州市清源化工有限公司", "泉州市丰泽区", "陈建国"),
                List.of(new PenaltyDecidedMessage.Penalty("FINE", "罚款", new BigDecimal("34000"), "罚款叁万肆仟元")),
                new BigDecimal("34000"), "GENERAL", "事实", List.of("证据"), "《大气污染防治法》第一百零八条",
                "《大气污染防治法》第一百零八条", null, "泉州市生态环境局", null,
                CLASSIFIER.classify(SeverityTier.GENERAL, List.of("FINE"), decisionDate, null), null, null, null);
    }

    void consent(String uscc) {
        consentRepository.record(new EServiceConsent(UUID.randomUUID().toString(), uscc, CHANNEL,
                "qingyuan@edelivery.example.cn", clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                EServiceConsent.Source.ENTERPRISE_ONLINE, "online-consent:test", clock.instant(), "enterprise-a",
                null, null));
    }

    DualDelivery delivery(String caseId) {
        return deliveries.find(caseId).orElseThrow();
    }

    List<OutboxEvent> events(String caseId) {
        Document d = db.getCollection(DeliveryRepository.COLLECTION).find(new Document("_id", caseId)).first();
        return d == null ? List.of() : OutboxDocuments.events(d);
    }

    List<String> eventTypes(String caseId) {
        return events(caseId).stream().map(e -> e.ceType().replace("cn.gov.eco.notice.", "").replace(".v1", ""))
                .toList();
    }

    @Override
    public void close() {
        db.drop();
        client.close();
    }
}
