package cn.gov.eco.deploy;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One application of the system as its own configuration describes it ({@code <module>/src/main/resources/
 * <module>.yml}, the file each application loads by {@code spring.config.name}): the environment variables it reads
 * (its {@code ${NAME:default}} placeholders), the port it listens on, its actuator probe paths. What the manifests
 * set is checked against this.
 */
record Application(String module, Map<String, Object> properties, Set<String> placeholders) {

    /** The applications that get an image; dashboard-service joins when its module exists. */
    static final List<String> MODULES = List.of("auth-server", "case-service", "notice-service", "credit-service",
            "gateway", "dashboard-service");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PORT = Pattern.compile("\\$\\{([A-Z_]+):(\\d+)}|(\\d+)");

    static List<Application> all() {
        return MODULES.stream().map(Application::load).flatMap(Optional::stream).toList();
    }

    static Optional<Application> load(String module) {
        var file = Repository.path(module + "/src/main/resources/" + module + ".yml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Repository.read(file);
        Map<String, Object> flat = new LinkedHashMap<>();
        Object root = new Yaml().load(text);
        flatten("", root, flat);
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        return Optional.of(new Application(module, flat, placeholders));
    }

    /**
     * The environment variables the simulators' image reads: the names {@code cn.gov.eco.simulator.Simulators}
     * looks up (it has no Spring configuration).
     */
    static Set<String> simulatorVariables() {
        String source = Repository.read("simulators/src/main/java/cn/gov/eco/simulator/Simulators.java");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("env(?:\\.getOrDefault|\\.get)\\(\"([A-Z][A-Z0-9_]*)\"").matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("Simulators reads no environment variable any more?");
        }
        return names;
    }

    static Application named(String module) {
        return load(module).orElseThrow(() -> new IllegalArgumentException("no application " + module));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    Optional<Object> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /**
     * The port the application listens on, given the environment a manifest sets: {@code server.port} is
     * {@code ${SERVER_PORT:8081}} in every application.
     */
    int port(Map<String, String> env) {
        String value = String.valueOf(property("server.port").orElse("8080"));
        Matcher m = PORT.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(module + ": server.port is " + value);
        }
        if (m.group(3) != null) {
            return Integer.parseInt(m.group(3));
        }
        return Integer.parseInt(env.getOrDefault(m.group(1), m.group(2)));
    }

    /** A property's value as the application runs without environment: {@code ${NAME:default}} gives default. */
    String defaultValue(String name) {
        String value = String.valueOf(property(name)
                .orElseThrow(() -> new AssertionError(module + " has no property " + name)));
        return value.replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
    }

    /** The actuator's base path (management.endpoints.web.base-path, default /actuator). */
    String actuatorBasePath() {
        return String.valueOf(property("management.endpoints.web.base-path").orElse("/actuator"));
    }

    /**
     * The readiness probe's path, if the application serves one: health exposed over HTTP and the probe groups
     * enabled (management.endpoint.health.probes.enabled, Boot's switch for /health/readiness and /health/liveness).
     */
    Optional<String> readinessPath() {
        return probesServed() ? Optional.of(actuatorBasePath() + "/health/readiness") : Optional.empty();
    }

    Optional<String> livenessPath() {
        return probesServed() ? Optional.of(actuatorBasePath() + "/health/liveness") : Optional.empty();
    }

    private boolean probesServed() {
        boolean enabled = Boolean.TRUE.equals(property("management.endpoint.health.probes.enabled").orElse(false));
        String exposed = String.valueOf(property("management.endpoints.web.exposure.include").orElse("health"));
        boolean separatePort = property("management.server.port").isPresent();
        return enabled && !separatePort && Stream.of(exposed.split(",")).map(String::trim)
                .anyMatch(e -> e.equals("health") || e.equals("*"));
    }

    /** The top-level {@code spring.*} families the application configures, e.g. kafka, mongodb, security. */
    Set<String> springFamilies() {
        Set<String> families = new TreeSet<>();
        properties.keySet().stream().filter(k -> k.startsWith("spring."))
                .forEach(k -> families.add(k.split("\\.")[1]));
        families.add("config"); // spring.config.import: Boot's core, every application
        return families;
    }

    /**
     * Whether the application reads an environment variable: one of its placeholders, or the relaxed-binding name
     * of a Boot property of a family it configures (SPRING_KAFKA_SECURITY_PROTOCOL → spring.kafka.security.protocol),
     * known to Boot's configuration metadata.
     */
    boolean reads(String variable, BootProperties boot) {
        if (placeholders.contains(variable)) {
            return true;
        }
        return boot.propertyOf(variable).filter(this::configures).isPresent();
    }

    /**
     * Whether the application reads a property set by name (a config-tree file, /run/secrets/NAME): one of its
     * placeholders, or a Boot property of a family it configures.
     */
    boolean readsProperty(String name, BootProperties boot) {
        return placeholders.contains(name) || boot.property(name).filter(this::configures).isPresent();
    }

    private boolean configures(String bootProperty) {
        String[] parts = bootProperty.split("\\.");
        return parts.length > 1 && parts[0].equals("spring") && springFamilies().contains(parts[1]);
    }
}
