package cn.gov.eco.notice;

import cn.gov.eco.notice.delivery.application.DocumentRendering;
import cn.gov.eco.notice.delivery.application.DualDeliveryService;
import cn.gov.eco.notice.delivery.application.DeliveryQueries;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.infrastructure.PdfDocumentRendering;
import cn.gov.eco.notice.delivery.infrastructure.PenaltyDecidedListener;
import cn.gov.eco.notice.document.AgencyProfile;
import cn.gov.eco.notice.document.CjkFont;
import cn.gov.eco.notice.document.DocumentRenderer;
import cn.gov.eco.notice.document.DocumentTemplates;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

@Configuration
@EnableConfigurationProperties(NoticeProperties.class)
class NoticeServiceConfiguration {

    /** The font is parsed once at start; each document embeds a subset of it. */
    @Bean
    DocumentRenderer documentRenderer(NoticeProperties props, Clock clock) {
        CjkFont font = props.fontPath() == null || props.fontPath().isBlank() ? CjkFont.loadDefault()
                : CjkFont.load(Path.of(props.fontPath()));
        DocumentTemplates templates = props.templatesDir() == null || props.templatesDir().isBlank()
                ? DocumentTemplates.classpathDefaults() : DocumentTemplates.withOverrides(Path.of(props.templatesDir()));
        var a = props.agency();
        return new DocumentRenderer(font, templates,
                new AgencyProfile(a.name(), a.contact(), a.address(), a.publicityPlatforms()), clock);
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
