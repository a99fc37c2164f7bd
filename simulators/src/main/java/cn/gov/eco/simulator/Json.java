package cn.gov.eco.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** The simulators' one JSON mapper: plain Jackson, instants as ISO-8601 strings written by the callers. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
        }
    }

    /** The body as a tree; {@link MalformedJsonException} when it is not JSON. */
    public static JsonNode read(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedJsonException(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
    }

    /** A request body that is not the JSON a simulator expects: answered with 400. */
    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
