package cn.gov.eco.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kustomize directory rendered the way {@code kubectl apply -k} renders it, for what the checks need, without the
 * kustomize binary: {@code resources} (files and directories, recursively), {@code patches} as strategic-merge
 * patches (maps merged, lists of named items merged by name, other lists replaced), {@code images} (newName,
 * newTag) and {@code namespace}. Every document is then parsed with fabric8's Kubernetes model: the built-in kinds
 * into their typed classes, the operators' kinds (Strimzi, MongoDB) into generic resources.
 */
final class Kustomization {

    static final Path KUBERNETES = Repository.path("deploy/kubernetes");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Path dir;
    private final List<Map<String, Object>> documents;
    private final Set<Path> files;

    private Kustomization(Path dir, List<Map<String, Object>> documents, Set<Path> files) {
        this.dir = dir;
        this.documents = documents;
        this.files = files;
    }

    static Kustomization of(String relative) {
        return load(KUBERNETES.resolve(relative));
    }

    @SuppressWarnings("unchecked")
    private static Kustomization load(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        Map<String, Object> k = (Map<String, Object>) yaml().load(Repository.read(file));
        List<Map<String, Object>> docs = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>(List.of(file));
        for (Object r : (List<Object>) k.getOrDefault("resources", List.of())) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            if (!Files.exists(p)) {
                throw new IllegalStateException(file + " names a resource that does not exist: " + r);
            }
            if (Files.isDirectory(p)) {
                Kustomization base = load(p);
                docs.addAll(base.documents);
                files.addAll(base.files);
            } else {
                docs.addAll(documents(p));
                files.add(p);
            }
        }
        for (Object patch : (List<Object>) k.getOrDefault("patches", List.of())) {
            Path p = dir.resolve(String.valueOf(((Map<String, Object>) patch).get("path"))).normalize();
            files.add(p);
            for (Map<String, Object> patchDoc : documents(p)) {
                Map<String, Object> target = docs.stream().filter(d -> sameObject(d, patchDoc)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(p + " patches " + kindAndName(patchDoc)
                                + ", which no resource of " + dir + " declares"));
                merge(target, patchDoc);
            }
        }
        for (Object g : (List<Object>) k.getOrDefault("secretGenerator", List.of())) {
            var gen = (Map<String, Object>) g;
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object literal : (List<Object>) gen.getOrDefault("literals", List.of())) {
                String l = String.valueOf(literal);
                data.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
            docs.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret",
                    "metadata", new LinkedHashMap<>(Map.of("name", gen.get("name"))), "stringData", data)));
        }
        for (Object i : (List<Object>) k.getOrDefault("images", List.of())) {
            var image = (Map<String, Object>) i;
            docs.forEach(d -> renameImages(d, image));
        }
        if (k.containsKey("namespace")) {
            docs.stream().filter(d -> !"Namespace".equals(d.get("kind")))
                    .forEach(d -> ((Map<String, Object>) d.get("metadata")).put("namespace", k.get("namespace")));
        }
        return new Kustomization(dir, docs, files);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(Repository.read(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
        return Objects.equals(a.get("kind"), b.get("kind")) && Objects.equals(
                ((Map<String, Object>) a.get("metadata")).get("name"),
                ((Map<String, Object>) b.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    static String kindAndName(Map<String, Object> doc) {
        return doc.get("kind") + "/" + ((Map<String, Object>) doc.get("metadata")).get("name");
    }

    /** Strategic merge, the part of it these manifests use. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map && value instanceof Map) {
                merge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (existing instanceof List<?> list && value instanceof List<?> patchList
                    && isNamedList(list) && isNamedList(patchList)) {
                for (Object item : patchList) {
                    var named = (Map<String, Object>) item;
                    list.stream().map(o -> (Map<String, Object>) o)
                            .filter(o -> Objects.equals(o.get("name"), named.get("name"))).findFirst()
                            .ifPresentOrElse(o -> merge(o, named), () -> ((List<Object>) list).add(named));
                }
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean isNamedList(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    private static void renameImages(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> map) {
            Object value = map.get("image");
            if (value instanceof String s && s.split(":")[0].equals(image.get("name"))) {
                String name = String.valueOf(image.getOrDefault("newName", image.get("name")));
                String tag = image.containsKey("newTag") ? String.valueOf(image.get("newTag"))
                        : (s.contains(":") ? s.substring(s.indexOf(':') + 1) : "latest");
                ((Map<String, Object>) map).put("image", name + ":" + tag);
            }
            map.values().forEach(v -> renameImages(v, image));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> renameImages(v, image));
        }
    }

    Path dir() {
        return dir;
    }

    /** The files this kustomization reads, its own and its bases'. */
    Set<Path> files() {
        return files;
    }

    List<Map<String, Object>> rawDocuments() {
        return documents;
    }

    /** Every rendered document parsed by fabric8's Kubernetes model. */
    List<HasMetadata> resources() {
        return documents.stream().map(d -> (HasMetadata) parse(d)).toList();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(dir + " has no " + type.getSimpleName() + " " + name));
    }

    List<io.fabric8.kubernetes.api.model.GenericKubernetesResource> custom(String kind) {
        return resources().stream().filter(r -> r.getKind().equals(kind))
                .map(r -> (io.fabric8.kubernetes.api.model.GenericKubernetesResource) r).toList();
    }

    static KubernetesResource parse(Map<String, Object> doc) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(doc));
    }

    /** Every YAML file under deploy/kubernetes. */
    static List<Path> allYamlFiles() {
        try (var walk = Files.walk(KUBERNETES)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
