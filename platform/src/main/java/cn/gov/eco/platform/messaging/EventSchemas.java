package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The JSON Schemas of the contract (from the {@code contracts} module), loaded once and reused. */
public class EventSchemas {

    // networknt's validator works on Jackson 2 trees; the services' own mapper is Jackson 3.
    private static final ObjectMapper TREES = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ConcurrentHashMap<String, JsonSchema> cache = new ConcurrentHashMap<>();

    /** @throws EventContractViolation when the payload does not satisfy the schema of its type */
    public void validate(EventType type, String payloadJson) {
        Set<ValidationMessage> errors = errors(type, payloadJson);
        if (!errors.isEmpty()) {
            throw new EventContractViolation(type.ceType() + " violates its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }

    public Set<ValidationMessage> errors(EventType type, String payloadJson) {
        JsonNode node;
        try {
            node = TREES.readTree(payloadJson);
        } catch (IOException e) {
            throw new EventContractViolation(type.ceType() + " payload is not JSON: " + e.getMessage());
        }
        return schema(type).validate(node);
    }

    private JsonSchema schema(EventType type) {
        return cache.computeIfAbsent(type.schemaResource(), resource -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no schema on the classpath at " + resource);
                }
                return factory.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An event that does not satisfy its published contract. */
    public static class EventContractViolation extends RuntimeException {
        public EventContractViolation(String message) {
            super(message);
        }
    }
}
