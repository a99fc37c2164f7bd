package cn.gov.eco.notice;

import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.notice.delivery.application.ConsentService;
import cn.gov.eco.notice.delivery.application.DeliveryChanges;
import cn.gov.eco.notice.delivery.application.DeliveryScheduler;
import cn.gov.eco.notice.delivery.application.ElectronicArrivalService;
import cn.gov.eco.notice.delivery.application.EvidenceUploads;
import cn.gov.eco.notice.delivery.application.ServiceRecording;
import cn.gov.eco.notice.delivery.infrastructure.ConsentRepository;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryProperties;
import cn.gov.eco.notice.delivery.infrastructure.DeliverySchedulerRunner;
import cn.gov.eco.notice.delivery.infrastructure.EvidenceStore;
import cn.gov.eco.notice.delivery.infrastructure.UnconfiguredElectronicChannel;
import cn.gov.eco.platform.messaging.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Set;
import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.ReceiptRendering;
import cn.gov.eco.notice.delivery.application.DualDeliveryService;
import cn.gov.eco.notice.delivery.application.DeliveryQueries;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.infrastructure.PdfDocumentRendering;
import cn.gov.eco.notice.delivery.infrastructure.PenaltyDecidedListener;
import cn.gov.eco.notice.document.CjkFont;
import cn.gov.eco.notice.document.DocumentProperties;
import cn.gov.eco.notice.document.DocumentRenderer;
import cn.gov.eco.notice.document.DocumentTemplates;
import cn.gov.eco.notice.signature.DevelopmentSealKey;
import cn.gov.eco.notice.signature.PdfSealer;
import cn.gov.eco.notice.signature.SealKey;
import cn.gov.eco.notice.signature.SealVerifier;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.MultipartConfigElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

@Configuration
@EnableConfigurationProperties({NoticeProperties.class, DocumentProperties.class, DeliveryProperties.class})
class NoticeServiceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NoticeServiceConfiguration.class);

    /**
     * The agency's seal key, loaded once: the configured PKCS #12 keystore, or in the embedded default a development
     * key generated on first start and kept in {@code notice.seal.dev-keystore-dir}.
     */
    @Bean
    SealKey sealKey(NoticeProperties props, Clock clock) {
        NoticeProperties.Seal seal = props.seal();
        if (seal.developmentKey()) {
            char[] password = seal.password() == null || seal.password().isEmpty()
                    ? DevelopmentSealKey.DEFAULT_PASSWORD.toCharArray() : seal.passwordChars();
            return DevelopmentSealKey.loadOrCreate(Path.of(seal.devKeystoreDir()), props.agency().name(),
                    seal.devKeyAlgorithm(), password, clock);
        }
        SealKey key = SealKey.fromPkcs12(Path.of(seal.keystore()), seal.passwordChars(), seal.alias());
        log.info("Documents are sealed with {} from {}", key, seal.keystore());
        return key;
    }

    @Bean
    PdfSealer pdfSealer(SealKey key, NoticeProperties props, Clock clock) {
        var a = props.agency();
        String location = props.seal().location() == null || props.seal().location().isBlank() ? a.address()
                : props.seal().location();
        return new PdfSealer(key, new PdfSealer.Signer(a.name(), location, a.contact()), clock);
    }

    /** Trusts the seal's own certificate and any configured further ones (a previous key, the issuing CA). */
    @Bean
    SealVerifier sealVerifier(SealKey key, NoticeProperties props, Clock clock) {
        List<X509Certificate> trusted = new ArrayList<>(List.of(key.certificate()));
        for (String pem : props.seal().trustedCertificates()) {
            trusted.addAll(SealKey.readCertificates(Path.of(pem)));
        }
        return new SealVerifier(trusted, clock);
    }

    /**
     * Uploads are limited to the larger of {@code notice.seal.verification-max-size} and
     * {@code notice.delivery.evidence-max-size}, each endpoint checking its own (the rest of a
     * multipart request gets 64 KiB); uploads are resolved lazily (spring.servlet.multipart.resolve-lazily) so that
     * the endpoint answers an oversized one itself.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(NoticeProperties props, DeliveryProperties delivery) {
        long max = Math.max(props.seal().verificationMaxSize().toBytes(), delivery.evidenceMaxSize().toBytes());
        return new MultipartConfigElement("", max, max + 64 * 1024, 0);
    }

    /**
     * The fonts are read once at start; each document embeds subsets of them (those of its template's fixed text made
     * once), and is sealed as it is saved.
     */
    @Bean
    DocumentRenderer documentRenderer(NoticeProperties props, DocumentProperties documents, Clock clock,
                                      PdfSealer sealer) {
        Path body = props.fontPath() == null || props.fontPath().isBlank() ? CjkFont.DEFAULT_PATH
                : Path.of(props.fontPath());
        CjkFont font = props.headingFontPath() == null || props.headingFontPath().isBlank() ? CjkFont.load(body)
                : CjkFont.load(body, Path.of(props.headingFontPath()));
        DocumentTemplates templates = props.templatesDir() == null || props.templatesDir().isBlank()
                ? DocumentTemplates.classpathDefaults() : DocumentTemplates.withOverrides(Path.of(props.templatesDir()));
        var a = props.agency();
        return new DocumentRenderer(font, templates,
                documents.agencyProfile(a.name(), a.contact(), a.address(), a.publicityPlatforms()), clock, sealer);
    }

    @Bean
    DocumentRendering documentRendering(DocumentRenderer renderer, NoticeProperties props) {
        return new PdfDocumentRendering(renderer, props.agency());
    }

    /** The 送达回证 PDF, rendered and sealed like the two documents. */
    @Bean
    ReceiptRendering receiptRendering(DocumentRenderer renderer, NoticeProperties props) {
        return new PdfDocumentRendering(renderer, props.agency())::renderReceipt; // not a second DocumentRendering
    }

    @Bean
    DocumentStore documentStore(MongoDatabase db, Clock clock) {
        return new DocumentStore(db, clock);
    }

    @Bean
    DeliveryRepository deliveryRepository(MongoDatabase db, OutboxWriter outbox, OutboxRelay relay, JsonMapper json) {
        return new DeliveryRepository(db, outbox, relay, json);
    }

    /** Open serve-by dates recomputed when an official calendar year is loaded (issue 14, DOMAIN §0.2). */
    @Bean
    cn.gov.eco.notice.delivery.application.ServeByRevision serveByRevision(DeliveryRepository repository,
                                                                           WorkingDayCalendar calendar, Clock clock) {
        return new cn.gov.eco.notice.delivery.application.ServeByRevision(repository, calendar, clock);
    }

    @Bean
    cn.gov.eco.notice.delivery.infrastructure.CalendarYearLoadedListener calendarYearLoadedListener(
            cn.gov.eco.notice.delivery.application.ServeByRevision revision) {
        return new cn.gov.eco.notice.delivery.infrastructure.CalendarYearLoadedListener(revision);
    }

    @Bean
    DeliveryQueries deliveryQueries(DeliveryRepository deliveries, DocumentStore documents, AccessPolicy policy) {
        return new DeliveryQueries(deliveries, documents, policy);
    }

    @Bean
    DeliveryChanges deliveryChanges(DeliveryRepository deliveries) {
        return new DeliveryChanges(deliveries);
    }

    @Bean
    ConsentRepository consentRepository(MongoDatabase db, JsonMapper json) {
        return new ConsentRepository(db, json);
    }

    @Bean
    EvidenceStore evidenceStore(MongoDatabase db) {
        return new EvidenceStore(db);
    }

    @Bean
    EvidenceUploads evidenceUploads(EvidenceStore store, AccessPolicy policy, DeliveryProperties delivery,
                                    Clock clock) {
        return new EvidenceUploads(store, policy, delivery.evidenceMaxSize().toBytes(), clock);
    }

    /** Consents name the channel the agency serves through ({@code notice.electronic-channel}). */
    @Bean
    ConsentService consentService(ConsentRepository consents, EvidenceStore evidence, AccessPolicy policy,
                                  NoticeProperties props, Clock clock, Supplier<UUID> idSupplier) {
        return new ConsentService(consents, evidence, policy, Set.of(props.electronicChannel()), clock, idSupplier);
    }

    /**
     * The electronic-delivery channel is the adapter's bean when there is one; without it, a stand-in that keeps
     * every electronic delivery pending and says so loudly.
     */
    @Bean
    DeliveryScheduler deliveryScheduler(DeliveryRepository deliveries, DocumentStore documents,
                                        ObjectProvider<ElectronicDeliveryChannel> channels, Clock clock,
                                        Supplier<UUID> idSupplier, DeliveryProperties p, ConsentService consents) {
        ElectronicDeliveryChannel channel = channels.getIfAvailable(UnconfiguredElectronicChannel::new);
        return new DeliveryScheduler(deliveries, documents, channel, clock, idSupplier,
                new DeliveryScheduler.Settings(p.claimLease(), p.firstRetry(), p.maxRetry(), p.batch(),
                        p.arrivalTimeout()),
                consents::stillConsented);
    }

    @Bean
    DeliverySchedulerRunner deliverySchedulerRunner(DeliveryScheduler scheduler, DeliveryRepository deliveries,
                                                    DeliveryProperties p) {
        return new DeliverySchedulerRunner(scheduler, deliveries, p.schedulerInterval());
    }

    @Bean
    ElectronicArrivalService electronicArrivals(DeliveryChanges changes, Clock clock, Supplier<UUID> idSupplier) {
        return new ElectronicArrivalService(changes, clock, idSupplier);
    }

    @Bean
    ServiceRecording serviceRecording(DeliveryChanges changes, ConsentService consents, EvidenceStore evidence,
                                      AccessPolicy policy, WorkingDayCalendar calendar, Clock clock,
                                      Supplier<UUID> idSupplier, DeliverySchedulerRunner runner) {
        return new ServiceRecording(changes, consents, evidence, policy, calendar, clock, idSupplier, runner::wakeUp);
    }

    @Bean
    DualDeliveryService dualDeliveryService(DeliveryRepository deliveries, DocumentStore documents,
                                            DocumentRendering rendering, PublicityClassifier classifier,
                                            WorkingDayCalendar calendar, ConsentService consents, Clock clock,
                                            DeliverySchedulerRunner runner) {
        return new DualDeliveryService(deliveries, documents, rendering, classifier, calendar, consents, clock,
                runner::wakeUp);
    }

    @Bean
    PenaltyDecidedListener penaltyDecidedListener(DualDeliveryService service, InboundEvents events) {
        return new PenaltyDecidedListener(service, events);
    }
}
