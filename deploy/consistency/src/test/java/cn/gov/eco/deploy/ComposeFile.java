package cn.gov.eco.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** deploy/compose/compose.yaml, parsed (anchors and merge keys resolved), with accessors for what the checks read. */
final class ComposeFile {

    static final String PATH = "deploy/compose/compose.yaml";

    final Map<String, Object> root;

    @SuppressWarnings("unchecked")
    ComposeFile() {
        root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(PATH));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) root.get("services");
    }

    Map<String, Object> service(String name) {
        return Optional.ofNullable(services().get(name))
                .orElseThrow(() -> new AssertionError("compose.yaml has no service " + name));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> topLevel(String key) {
        return (Map<String, Object>) root.getOrDefault(key, Map.of());
    }

    /** A service's environment as a map (compose allows a list of NAME=value too). */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object e = service.get("environment");
        if (e instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (e instanceof List<?> l) {
            l.forEach(item -> {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            });
        }
        return env;
    }

    /** The secrets a service mounts: source → file name under /run/secrets (the target, or the source). */
    @SuppressWarnings("unchecked")
    static Map<String, String> secrets(Map<String, Object> service) {
        Map<String, String> mounted = new LinkedHashMap<>();
        for (Object s : (List<Object>) service.getOrDefault("secrets", List.of())) {
            if (s instanceof Map<?, ?> m) {
                String source = String.valueOf(m.get("source"));
                mounted.put(source, String.valueOf(m.get("target") == null ? source : m.get("target")));
            } else {
                mounted.put(String.valueOf(s), String.valueOf(s));
            }
        }
        return mounted;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> dependencies(Map<String, Object> service) {
        Object d = service.get("depends_on");
        if (d == null) {
            return Map.of();
        }
        if (d instanceof List<?> l) {
            Map<String, Map<String, Object>> deps = new LinkedHashMap<>();
            l.forEach(name -> deps.put(String.valueOf(name), Map.of("condition", "service_started")));
            return deps;
        }
        return (Map<String, Map<String, Object>>) d;
    }

    static boolean oneShot(Map<String, Object> service) {
        return "no".equals(String.valueOf(service.get("restart")));
    }

    static String image(Map<String, Object> service) {
        return String.valueOf(service.get("image"));
    }

    /** The module of an application image penalty-credit/<module>:<version>, if it is one. */
    static Optional<String> module(Map<String, Object> service) {
        String image = image(service);
        return image.startsWith("penalty-credit/")
                ? Optional.of(image.substring("penalty-credit/".length(), image.indexOf(':')))
                : Optional.empty();
    }
}
