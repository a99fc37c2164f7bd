package cn.gov.eco.notice;

import cn.gov.eco.notice.delivery.application.DocumentRendering;
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
import cn.gov.eco.platform.publicity.PublicityPeriods;
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
@EnableConfigurationProperties({NoticeProperties.class, DocumentProperties.class})
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
     * Uploads to the verification endpoint are limited to {@code notice.seal.verification-max-size} (the rest of a
     * multipart request gets 64 KiB); uploads are resolved lazily (spring.servlet.multipart.resolve-lazily) so that
     * the endpoint answers an oversized one itself.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(NoticeProperties props) {
        long max = props.seal().verificationMaxSize().toBytes();
        return new MultipartConfigElement("", max, max + 64 * 1024, 0);
    }

    /** The font is parsed once at start; each document embeds a subset of it, and is sealed as it is saved. */
    @Bean
    DocumentRenderer documentRenderer(NoticeProperties props, DocumentProperties documents, Clock clock,
                                      PdfSealer sealer) {
        CjkFont font = props.fontPath() == null || props.fontPath().isBlank() ? CjkFont.loadDefault()
                : CjkFont.load(Path.of(props.fontPath()));
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

    @Bean
    DocumentStore documentStore(MongoDatabase db, Clock clock) {
        return new DocumentStore(db, clock);
    }

    @Bean
    DeliveryRepository deliveryRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json) {
        return new DeliveryRepository(db, outbox, json);
    }

    @Bean
    DeliveryQueries deliveryQueries(DeliveryRepository deliveries, DocumentStore documents, AccessPolicy policy) {
        return new DeliveryQueries(deliveries, documents, policy);
    }

    @Bean
    DualDeliveryService dualDeliveryService(DeliveryRepository deliveries, DocumentStore documents,
                                            DocumentRendering rendering, PublicityPeriods periods,
                                            WorkingDayCalendar calendar, Clock clock, Supplier<UUID> idSupplier,
                                            NoticeProperties props) {
        return new DualDeliveryService(deliveries, documents, rendering, periods, calendar, clock, idSupplier,
                props.electronicChannel());
    }

    @Bean
    PenaltyDecidedListener penaltyDecidedListener(DualDeliveryService service, InboundEvents events) {
        return new PenaltyDecidedListener(service, events);
    }
}
