package cn.gov.eco.deploy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Spring Boot's configuration metadata (every {@code META-INF/spring-configuration-metadata.json} on the test
 * classpath: Boot's core, Kafka and MongoDB modules): which {@code SPRING_*} environment variables name a real
 * property under Boot's relaxed binding.
 */
final class BootProperties {

    /** canonical name (dots, no dashes) → property name; map-typed properties end with ".". */
    private final Map<String, String> known = new TreeMap<>();

    BootProperties() {
        var mapper = JsonMapper.builder().build();
        try {
            for (String resource : new String[] {"META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json"}) {
                for (URL url : Collections.list(getClass().getClassLoader().getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        JsonNode properties = mapper.readTree(in).path("properties");
                        for (JsonNode p : properties) {
                            String name = p.path("name").asString();
                            String type = p.path("type").asString("");
                            known.put(canonical(name) + (type.startsWith("java.util.Map") ? "." : ""), name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!known.containsKey("spring.kafka.bootstrapservers")) {
            throw new IllegalStateException("Boot's Kafka metadata is not on the test classpath");
        }
    }

    private static String canonical(String property) {
        return property.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** The Boot property an environment variable binds to, if any (maps: the map property plus its key). */
    Optional<String> propertyOf(String variable) {
        if (!variable.startsWith("SPRING_")) {
            return Optional.empty();
        }
        return property(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** The Boot property a property name (any relaxed form) is, if Boot knows it. */
    Optional<String> property(String name) {
        String candidate = canonical(name);
        if (known.containsKey(candidate)) {
            return Optional.of(known.get(candidate));
        }
        return known.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".") && candidate.startsWith(e.getKey()))
                .map(e -> e.getValue() + "." + candidate.substring(e.getKey().length()))
                .findFirst();
    }
}
