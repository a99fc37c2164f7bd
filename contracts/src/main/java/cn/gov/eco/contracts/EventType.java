package cn.gov.eco.contracts;

import java.util.Objects;

/**
 * One versioned event type on a topic: the CloudEvents {@code ce_type}, and where its JSON Schema and golden
 * sample live on the classpath.
 *
 * @param name        the short past-tense name, e.g. {@code PenaltyDecided}
 * @param version     the major version; a breaking change is a new version, old readers keep working
 * @param ceType      the CloudEvents type, e.g. {@code cn.gov.eco.enforcement.PenaltyDecided.v1}
 */
public record EventType(String name, int version, String ceType) {

    public EventType {
        Objects.requireNonNull(name);
        Objects.requireNonNull(ceType);
    }

    static EventType of(String domain, String name, int version) {
        return new EventType(name, version, "cn.gov.eco." + domain + "." + name + ".v" + version);
    }

    /** Classpath resource of the JSON Schema (draft 2020-12) of this type's payload. */
    public String schemaResource() {
        return "/contracts/schemas/" + name + ".v" + version + ".schema.json";
    }

    /** Classpath resource of the golden sample payload that every consumer must keep reading. */
    public String sampleResource() {
        return "/contracts/samples/" + name + ".v" + version + ".json";
    }
}
