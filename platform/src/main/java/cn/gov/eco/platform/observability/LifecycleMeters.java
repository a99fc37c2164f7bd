package cn.gov.eco.platform.observability;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The lifecycle's own meters, counted from what the service has published: every record the broker acknowledged
 * ({@link ProducerListener#onSuccess}), so a meter moves only for a state change that is stored and announced. One
 * place for all services: case-service's decisions, notice-service's deliveries and decision-to-service time,
 * credit-service's publicity and repair transitions, and every service's dead letters.
 *
 * <p>Tags carry only catalogue values (event type, method, outcome, severity tier): never a USCC, a name, a case
 * id or a document number.
 */
public class LifecycleMeters implements ProducerListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(LifecycleMeters.class);
    /** The decision date is a date in the agency's zone: the clock of 行政处罚法 第六十一条 starts there. */
    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");
    static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final MeterRegistry registry;
    private final JsonMapper json;

    public LifecycleMeters(MeterRegistry registry, JsonMapper json, String serviceName) {
        this.registry = registry;
        this.json = json;
        startAtZero(serviceName);
    }

    /**
     * The writer of a topic publishes its counters from the start, at zero, for the tag values the catalogue fixes:
     * an alert or a panel then reads 0, not "no data", before the first event.
     */
    private void startAtZero(String serviceName) {
        for (Topic t : Topics.ALL) {
            if (t.readers().stream().anyMatch(p -> p.userName().equals(serviceName))) {
                deadLettered(t.deadLetterTopic());
            }
        }
        if (Topics.ENFORCEMENT_CASE.writer().userName().equals(serviceName)) {
            for (String severity : List.of("MINOR", "GENERAL", "SERIOUS")) {
                decisions("penalty", severity);
            }
            decisions("no_penalty", "none");
        }
        if (Topics.NOTICE_DELIVERY.writer().userName().equals(serviceName)) {
            prepared();
            nonconforming();
            for (String status : List.of("PREPARED", "IN_SERVICE", "PUBLIC_NOTICE_PUBLISHED")) {
                overdue(status);
            }
        }
        if (Topics.CREDIT_PUBLICITY.writer().userName().equals(serviceName)) {
            Topics.CREDIT_PUBLICITY.eventTypes().forEach(t -> publicity(t.name()));
        }
        if (Topics.CREDIT_REPAIR.writer().userName().equals(serviceName)) {
            Topics.CREDIT_REPAIR.eventTypes().forEach(t -> repair(t.name()));
        }
    }

    private Counter deadLettered(String deadLetterTopic) {
        return Counter.builder("lifecycle.dlt.published")
                .description("Records this service dead-lettered (failed every attempt, or poison)")
                .tag("topic", deadLetterTopic).register(registry);
    }

    private Counter decisions(String kind, String severity) {
        return Counter.builder("lifecycle.decisions.accepted").description("Decisions recorded (处罚决定 / 不予处罚决定)")
                .tag("kind", kind).tag("severity", severity).register(registry);
    }

    private Counter prepared() {
        return Counter.builder("lifecycle.documents.prepared")
                .description("两书 prepared: both documents rendered, sealed and numbered").register(registry);
    }

    private Counter overdue(String status) {
        return Counter.builder("lifecycle.deliveries.overdue").description("Deliveries not served within the legal"
                + " period (行政处罚法 第六十一条: 7 days)").tag("status", status).register(registry);
    }

    private Counter nonconforming() {
        return Counter.builder("lifecycle.deliveries.nonconforming")
                .description("Deliveries where the two documents were not served together (两书未同达)")
                .register(registry);
    }

    private Counter publicity(String type) {
        return Counter.builder("lifecycle.publicity.transitions").description("Publicity record transitions by event")
                .tag("type", type).register(registry);
    }

    private Counter repair(String type) {
        return Counter.builder("lifecycle.repair.transitions").description("Repair application transitions by event")
                .tag("type", type).register(registry);
    }

    @Override
    public void onSuccess(ProducerRecord<String, byte[]> record, RecordMetadata metadata) {
        try {
            if (record.topic().endsWith(DEAD_LETTER_SUFFIX)) {
                deadLettered(record.topic()).increment();
                return;
            }
            String type = header(record, "ce_type");
            if (type == null || Topics.eventType(type).isEmpty()) {
                return;
            }
            Counter.builder("lifecycle.events.published").description("Events published through the outbox")
                    .tag("topic", record.topic()).tag("type", type).register(registry).increment();
            count(type, record.value());
        } catch (RuntimeException e) {
            // a meter never breaks publishing
            log.warn("lifecycle meters could not read a published record of {}: {}", record.topic(), e.toString());
        }
    }

    private void count(String type, byte[] value) {
        if (type.equals(EventTypes.PENALTY_DECIDED.ceType())) {
            decisions("penalty", text(payload(value), "severityTier")).increment();
        } else if (type.equals(EventTypes.NO_PENALTY_DECIDED.ceType())) {
            decisions("no_penalty", "none").increment();
        } else if (type.equals(EventTypes.DUAL_DELIVERY_PREPARED.ceType())) {
            prepared().increment();
        } else if (type.equals(EventTypes.DELIVERY_ATTEMPTED.ceType())) {
            JsonNode p = payload(value);
            Counter.builder("lifecycle.deliveries.attempts").description("Service attempts by method and outcome")
                    .tag("method", text(p, "method")).tag("outcome", text(p, "outcome")).register(registry)
                    .increment();
        } else if (type.equals(EventTypes.DUAL_DELIVERY_COMPLETED.ceType())) {
            completed(payload(value));
        } else if (type.equals(EventTypes.DELIVERY_OVERDUE.ceType())) {
            overdue(text(payload(value), "status")).increment();
        } else if (type.equals(EventTypes.DELIVERY_NONCONFORMING.ceType())) {
            nonconforming().increment();
        } else if (Topics.CREDIT_PUBLICITY.eventType(type).isPresent()) {
            publicity(shortName(type)).increment();
        } else if (Topics.CREDIT_REPAIR.eventType(type).isPresent()) {
            repair(shortName(type)).increment();
        }
    }

    /** Decision-to-service: from the decision date (start of day, Asia/Shanghai) to the served instant. */
    private void completed(JsonNode p) {
        JsonNode act = p.path("serviceAct");
        String method = text(act, "method");
        Counter.builder("lifecycle.deliveries.completed").description("两书同达 completed by method")
                .tag("method", method).tag("conforming", String.valueOf(p.path("conforming").asBoolean()))
                .register(registry).increment();
        String decisionDate = p.path("decision").path("decisionDate").asText(null);
        String servedAt = act.path("servedAt").asText(null);
        if (decisionDate != null && servedAt != null) {
            Duration d = Duration.between(LocalDate.parse(decisionDate).atStartOfDay(AGENCY_ZONE).toInstant(),
                    Instant.parse(servedAt));
            Timer.builder("lifecycle.decision.to.service")
                    .description("From the decision date to the service of both documents")
                    .tag("method", method).tag("deemed", String.valueOf(act.path("deemed").asBoolean()))
                    .serviceLevelObjectives(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7))
                    .register(registry).record(d.isNegative() ? Duration.ZERO : d);
        }
    }

    private JsonNode payload(byte[] value) {
        return json.readTree(new String(value, StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "unknown" : v.asText();
    }

    /** {@code cn.gov.eco.credit.PublicityOpened.v1} → {@code PublicityOpened}. */
    static String shortName(String ceType) {
        String[] parts = ceType.split("\\.");
        return parts[parts.length - 2];
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
