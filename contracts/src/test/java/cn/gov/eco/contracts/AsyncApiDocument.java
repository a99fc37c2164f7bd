package cn.gov.eco.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3 document of the public contract, derived from the topic catalogue ({@link Topics#ALL}, each
 * {@link Topic}'s key, partitions, {@link Topic.Policy}, writer and readers) and the JSON Schemas (title and
 * description of each event type). {@code contracts/src/main/resources/contracts/asyncapi.yaml} is this document as
 * text; {@code AsyncApiContractTest} fails when the two differ and rewrites the file with
 * {@code -Dasyncapi.write=true}. Only the prose below is written by hand.
 */
final class AsyncApiDocument {

    static final String RESOURCE = "/contracts/asyncapi.yaml";
    static final String DEAD_LETTER_MESSAGE = "DeadLetterRecord";
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DESCRIPTION = """
            The topics of the environmental penalty → 两书同达 (dual delivery) → credit publicity → credit repair \
            lifecycle. Downstream dashboards consume the same topics as the services, with their own read-only \
            principal. Every record is a CloudEvent in binary mode: the attributes travel as ce_* headers (see the \
            cloudEvent message trait), the value is the JSON payload described by the schema named for each message. \
            ce_id is unique and stable across redelivery: every reader is idempotent on it. Order is guaranteed per \
            record key (the case id or the enterprise's USCC). A breaking change is a new major version (a new \
            ce_type and, for a topic, a new .vN name); old readers keep working. Records that fail every attempt of \
            a reader land on <topic>.dlt, same partition, with the kafka_dlt-* headers (see the DeadLetterRecord \
            message). This document is generated from the topic catalogue (cn.gov.eco.contracts.Topics) and the \
            JSON Schemas; a contract test keeps them in agreement.
            """;

    private AsyncApiDocument() {
    }

    /** The document as YAML text, in a stable order. */
    static String yaml() {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(120);
        options.setSplitLines(true);
        options.setIndent(2);
        return "# Generated from cn.gov.eco.contracts.Topics and the JSON Schemas by AsyncApiDocument (contracts' tests).\n"
                + "# Do not edit by hand: change the catalogue, then ./mvnw -B -ntp -pl contracts verify -Dasyncapi.write=true\n"
                + new Yaml(options).dump(document());
    }

    static Map<String, Object> document() {
        var doc = map();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", map("title", "Penalty-to-credit-repair lifecycle events (行政处罚—两书同达—信用公示—信用修复事件)",
                "version", "1.0.0", "description", DESCRIPTION,
                "contact", map("name", "Penalty-to-credit-repair lifecycle maintainers"),
                "license", map("name", "Apache-2.0", "url", "https://www.apache.org/licenses/LICENSE-2.0")));
        doc.put("defaultContentType", "application/json");
        doc.put("servers", servers());
        var channels = map();
        var operations = map();
        for (Topic t : Topics.ALL) {
            channels.put(channelId(t), channel(t));
            channels.put(deadLetterChannelId(t), deadLetterChannel(t));
            operations.put(operationId(t.writer(), "sends", channelId(t)), operation("send", t, channelId(t), t.writer(),
                    t.writer().userName() + " is the only writer of " + t.name()
                            + ": its outbox relay publishes every event it stored, once per ce_id."));
            for (Principal reader : readersInOrder(t)) {
                operations.put(operationId(reader, "receives", channelId(t)), operation("receive", t, channelId(t),
                        reader, reader.userName() + " reads every record of " + t.name()
                                + " (consumer group " + groupOf(reader) + "), handles the types it needs and skips"
                                + " the others; a record it cannot read goes to " + t.deadLetterTopic() + "."));
                if (reader != Principal.DASHBOARD) {
                    operations.put(operationId(reader, "sends", deadLetterChannelId(t)), operation("send", t,
                            deadLetterChannelId(t), reader, reader.userName() + " dead-letters a record of "
                                    + t.name() + " that failed every attempt (or is poison: unreadable, an unknown"
                                    + " type or version)."));
                }
            }
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", components());
        return doc;
    }

    static String channelId(Topic t) {
        return camel(t.name().replaceFirst("\\.v\\d+$", ""));
    }

    static String deadLetterChannelId(Topic t) {
        return channelId(t) + "DeadLetter";
    }

    static String operationId(Principal p, String verb, String channelId) {
        return camel(p.userName()) + Character.toUpperCase(verb.charAt(0)) + verb.substring(1)
                + Character.toUpperCase(channelId.charAt(0)) + channelId.substring(1);
    }

    static List<Principal> readersInOrder(Topic t) {
        return t.readers().stream().sorted(Comparator.comparing(Principal::ordinal)).toList();
    }

    /** The dashboard reads with its own group; a service's group is its name. */
    static String groupOf(Principal p) {
        return p.userName();
    }

    private static Map<String, Object> servers() {
        return map(
                "local", map("host", "localhost:9092", "protocol", "kafka", "protocolVersion", "4.1",
                        "title", "./start's broker",
                        "description", "The KRaft broker ./start runs in the launcher's JVM (KAFKA_BOOTSTRAP_SERVERS"
                                + " overrides it). Plaintext, for a developer's machine only."),
                "production", map("host", "{bootstrap}", "protocol", "kafka-secure", "protocolVersion", "4.1",
                        "title", "The agency's cluster",
                        "description", "Three brokers, replication factor 3, min.insync.replicas 2. One SCRAM user"
                                + " per service and a read-only user for dashboards; the ACLs follow each channel's"
                                + " send and receive operations.",
                        "variables", map("bootstrap", map("default", "kafka:9093",
                                "description", "the cluster's bootstrap address")),
                        "security", List.of(ref("#/components/securitySchemes/scram"))));
    }

    private static Map<String, Object> channel(Topic t) {
        var messages = map();
        for (EventType e : t.eventTypes()) {
            messages.put(e.name(), ref("#/components/messages/" + e.name()));
        }
        return map("address", t.name(), "title", t.name(),
                "description", keyDescription(t.key()) + " " + t.partitions() + " partitions. Kept: "
                        + t.policy().why() + ". Writer: " + t.writer().userName() + "; readers: "
                        + String.join(", ", readersInOrder(t).stream().map(Principal::userName).toList()) + ".",
                "messages", messages,
                "bindings", map("kafka", kafkaChannelBinding(t.name(), t.partitions(), t.policy().cleanup().config(),
                        t.policy().retentionMs())));
    }

    private static Map<String, Object> deadLetterChannel(Topic t) {
        return map("address", t.deadLetterTopic(), "title", t.deadLetterTopic(),
                "description", "Dead letters of " + t.name() + ": the original record (key, value and headers"
                        + " unchanged) on the same partition number, with the kafka_dlt-* headers naming where it"
                        + " came from and why it failed. Kept " + Topic.DEAD_LETTER_RETENTION.toDays()
                        + " days: long enough to be seen, fixed and replayed.",
                "messages", map(DEAD_LETTER_MESSAGE, ref("#/components/messages/" + DEAD_LETTER_MESSAGE)),
                "bindings", map("kafka", kafkaChannelBinding(t.deadLetterTopic(), t.partitions(), "delete",
                        Topic.DEAD_LETTER_RETENTION.toMillis())));
    }

    private static Map<String, Object> kafkaChannelBinding(String topic, int partitions, String cleanup, long retentionMs) {
        return map("topic", topic, "partitions", partitions,
                "topicConfiguration", map("cleanup.policy", List.of(cleanup), "retention.ms", retentionMs),
                "bindingVersion", KAFKA_BINDING_VERSION);
    }

    private static Map<String, Object> operation(String action, Topic t, String channelId, Principal principal,
                                                 String description) {
        var op = map("action", action, "channel", ref("#/channels/" + channelId),
                "title", principal.userName() + " " + action + "s " + ("send".equals(action) && !channelId.equals(channelId(t))
                        ? t.deadLetterTopic() : t.name()),
                "description", description,
                "tags", List.of(map("name", principal.userName())));
        if ("receive".equals(action)) {
            op.put("bindings", map("kafka", map("groupId", map("type", "string", "enum", List.of(groupOf(principal))),
                    "bindingVersion", KAFKA_BINDING_VERSION)));
        }
        return op;
    }

    static String keyDescription(Topic.KeyKind key) {
        return switch (key) {
            case CASE_ID -> "Keyed by the penalty case id: every event of one case in order.";
            case USCC -> "Keyed by the enterprise's unified social credit code (统一社会信用代码): every event of one"
                    + " enterprise in order.";
            case YEAR -> "Keyed by the calendar year (yyyy): each official year's calendar in order.";
        };
    }

    private static Map<String, Object> messageKey(Topic.KeyKind key) {
        return map("type", "string", "description", keyDescription(key));
    }

    private static Map<String, Object> components() {
        var messages = map();
        for (Topic t : Topics.ALL) {
            for (EventType e : t.eventTypes()) {
                JsonNode schema = schema(e);
                messages.put(e.name(), map("name", e.ceType(),
                        "title", schema.path("title").asText(e.name()),
                        "summary", e.ceType() + " on " + t.name(),
                        "description", schema.path("description").asText(""),
                        "contentType", "application/json",
                        "traits", List.of(ref("#/components/messageTraits/cloudEvent")),
                        "payload", map("schemaFormat", "application/schema+json;version=draft-2020-12",
                                "schema", ref("schemas/" + schemaFile(e))),
                        "bindings", map("kafka", map("key", messageKey(t.key()),
                                "bindingVersion", KAFKA_BINDING_VERSION))));
            }
        }
        messages.put(DEAD_LETTER_MESSAGE, deadLetterMessage());
        return map(
                "securitySchemes", map("scram", map("type", "scramSha512",
                        "description", "SASL/SCRAM-SHA-512 over TLS: one user per service (case-service,"
                                + " notice-service, credit-service) and the read-only dashboard user.")),
                "messageTraits", map("cloudEvent", map("headers", cloudEventHeaders())),
                "messages", messages);
    }

    private static Map<String, Object> cloudEventHeaders() {
        var properties = map();
        properties.put("ce_specversion", map("type", "string", "const", "1.0", "description", "CloudEvents 1.0"));
        properties.put("ce_id", map("type", "string", "description", "the event id: unique, stable across"
                + " redelivery; readers are idempotent on it"));
        properties.put("ce_type", map("type", "string", "pattern", "^cn\\.gov\\.eco\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+$",
                "description", "the versioned event type, the message's name"));
        properties.put("ce_source", map("type", "string", "enum", List.of("/case-service", "/notice-service",
                "/credit-service"), "description", "the writing service"));
        properties.put("ce_subject", map("type", "string", "description", "the aggregate the event is about"));
        properties.put("ce_time", map("type", "string", "format", "date-time", "description", "when it happened (UTC)"));
        properties.put("ce_dataschema", map("type", "string", "description", "urn:cn.gov.eco:schema:<ce_type>, the"
                + " $id of the payload's JSON Schema"));
        properties.put("content-type", map("type", "string", "const", "application/json"));
        properties.put("ce_sequence", map("type", "string", "pattern", "^[0-9]+$", "description",
                "extension: per-aggregate sequence number, strictly increasing"));
        properties.put("ce_rulesetid", map("type", "string", "description",
                "extension: the rule set applied (e.g. NDRC-ORDER-36), or none"));
        properties.put("ce_calendarversion", map("type", "string", "description",
                "extension: the working-day calendar version applied, or none"));
        properties.put("ce_traceparent", map("type", "string", "pattern", TRACEPARENT, "description",
                "extension: W3C trace context of the request or event that caused this one"));
        properties.put("traceparent", map("type", "string", "pattern", TRACEPARENT, "description",
                "the same W3C trace context as a plain header, for tracing tools"));
        return map("type", "object",
                "required", List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time",
                        "content-type", "ce_sequence", "ce_rulesetid", "ce_calendarversion", "ce_traceparent"),
                "properties", properties);
    }

    private static final String TRACEPARENT = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    /** Spring Kafka's DeadLetterPublishingRecoverer headers, added to the original record's own. */
    static final List<String> DEAD_LETTER_HEADERS = List.of("kafka_dlt-original-topic", "kafka_dlt-original-partition",
            "kafka_dlt-original-offset", "kafka_dlt-original-timestamp", "kafka_dlt-original-timestamp-type",
            "kafka_dlt-original-consumer-group", "kafka_dlt-exception-fqcn", "kafka_dlt-exception-cause-fqcn",
            "kafka_dlt-exception-message", "kafka_dlt-exception-stacktrace");

    private static Map<String, Object> deadLetterMessage() {
        var properties = map();
        properties.put("kafka_dlt-original-topic", map("type", "string", "description", "the topic the record came from"));
        properties.put("kafka_dlt-original-partition", map("type", "string", "description",
                "its partition: 4 bytes, big-endian int"));
        properties.put("kafka_dlt-original-offset", map("type", "string", "description",
                "its offset: 8 bytes, big-endian long"));
        properties.put("kafka_dlt-original-timestamp", map("type", "string", "description",
                "its timestamp: 8 bytes, big-endian long (epoch milliseconds)"));
        properties.put("kafka_dlt-original-timestamp-type", map("type", "string", "description",
                "CreateTime or LogAppendTime"));
        properties.put("kafka_dlt-original-consumer-group", map("type", "string", "description",
                "the consumer group that gave up on it"));
        properties.put("kafka_dlt-exception-fqcn", map("type", "string", "description",
                "the exception's class (cn.gov.eco.platform.messaging.PoisonRecordException: not retried)"));
        properties.put("kafka_dlt-exception-cause-fqcn", map("type", "string", "description", "its cause's class"));
        properties.put("kafka_dlt-exception-message", map("type", "string", "description", "its message"));
        properties.put("kafka_dlt-exception-stacktrace", map("type", "string", "description", "its stack trace"));
        return map("name", "DeadLetterRecord", "title", "Dead letter (死信)",
                "summary", "A record that a reader could not process",
                "description", "The original record unchanged — key, value and, for a CloudEvent, its ce_* headers —"
                        + " plus the kafka_dlt-* headers of Spring Kafka's DeadLetterPublishingRecoverer. Operators"
                        + " see it on the lifecycle_dlt_records metric and its alert, fix the cause and replay it to"
                        + " the original topic.",
                "headers", map("type", "object", "required", List.of("kafka_dlt-original-topic",
                                "kafka_dlt-original-partition", "kafka_dlt-original-offset", "kafka_dlt-exception-fqcn",
                                "kafka_dlt-exception-message"),
                        "properties", properties),
                "payload", map("description", "the original record's value, byte for byte (usually a CloudEvent's"
                        + " JSON payload; for poison, whatever could not be read)"),
                "bindings", map("kafka", map("key", map("type", "string", "description", "the original record's key"),
                        "bindingVersion", KAFKA_BINDING_VERSION)));
    }

    static String schemaFile(EventType e) {
        return e.name() + ".v" + e.version() + ".schema.json";
    }

    private static JsonNode schema(EventType e) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(e.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no JSON Schema " + e.schemaResource() + " for " + e.ceType());
            }
            return JSON.readTree(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String camel(String dotted) {
        var words = new ArrayList<>(List.of(dotted.split("[.\\-]")));
        var out = new StringBuilder(words.removeFirst());
        words.forEach(w -> out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
        return out.toString();
    }

    private static Map<String, Object> ref(String target) {
        return map("$ref", target);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
