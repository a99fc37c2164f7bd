package cn.gov.eco.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images: what deploy/images/build tags is what compose and the manifests run, at the POM's version; the
 * Dockerfile runs as the non-root user the manifests require, with the font the documents embed and a heap sized by
 * the container's limit.
 */
class ImageVersionsTest {

    private static final String DOCKERFILE = Repository.read("deploy/images/Dockerfile");

    /** The modules deploy/images/build builds an image of (its modules=(...) line and the conditional ones). */
    static Set<String> builtModules() {
        String script = Repository.read("deploy/images/build");
        Matcher m = Pattern.compile("(?m)^modules=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as("deploy/images/build lists its modules").isTrue();
        Set<String> modules = new TreeSet<>(Arrays.asList(m.group(1).trim().split("\\s+")));
        Matcher optional = Pattern.compile("\\[ -d ([a-z-]+) ] && modules\\+=\\(([a-z-]+)\\)").matcher(script);
        while (optional.find()) {
            if (Repository.path(optional.group(1)).toFile().isDirectory()) {
                modules.add(optional.group(2));
            }
        }
        return modules;
    }

    @Test
    void shouldRunInComposeExactlyTheImagesTheBuildTagsAtTheProjectVersion() {
        String version = Repository.projectVersion();
        Set<String> run = new TreeSet<>();
        new ComposeFile().services().forEach((name, s) -> ComposeFile.module(s).ifPresent(module -> {
            assertThat(ComposeFile.image(s)).as(name).isEqualTo("penalty-credit/" + module + ":" + version);
            run.add(module);
        }));
        assertThat(run).isEqualTo(builtModules());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldRunOnTheClusterImagesTheBuildTagsAtTheProjectVersion(String variant) {
        String version = Repository.projectVersion();
        for (Deployment d : Kustomization.of(variant).all(Deployment.class)) {
            String image = KubernetesManifestsTest.container(d).getImage();
            String module = d.getMetadata().getName();
            assertThat(builtModules()).as(variant + ": " + module + " is an image deploy/images/build makes")
                    .contains(module);
            assertThat(image).as(variant + ": " + module).endsWith("penalty-credit/" + module + ":" + version);
        }
    }

    @Test
    void shouldDeployEveryBuiltApplicationOnTheCluster() {
        Set<String> deployed = new TreeSet<>();
        for (String variant : List.of("base", "overlays/dev")) {
            Kustomization.of(variant).all(Deployment.class).forEach(d -> deployed.add(d.getMetadata().getName()));
        }
        assertThat(deployed).isEqualTo(builtModules());
    }

    @Test
    void shouldRunAsTheNonRootUserTheManifestsRequire() {
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(DOCKERFILE);
        assertThat(user.find()).as("the Dockerfile's USER is numeric").isTrue();
        long uid = Long.parseLong(user.group(1));
        assertThat(uid).isPositive();
        for (Deployment d : Kustomization.of("overlays/dev").all(Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                    .as(d.getMetadata().getName()).isEqualTo(uid);
        }
        assertThat(DOCKERFILE).contains("useradd --system --uid " + uid);
    }

    @Test
    void shouldEmbedTheFontTheDocumentsNameAndSizeTheHeapByTheContainer() {
        String body = Application.named("notice-service").defaultValue("notice.font-path");
        String heading = Application.named("notice-service").defaultValue("notice.heading-font-path");
        assertThat(DOCKERFILE).contains("fonts-arphic-uming").contains("fonts-wqy-microhei")
                .contains("NOTICE_FONT_PATH=" + body).contains("NOTICE_HEADING_FONT_PATH=" + heading);
        assertThat(DOCKERFILE).containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=\\d+");
        assertThat(DOCKERFILE).contains("-Djarmode=tools").contains("extract --layers");
    }

    @Test
    void shouldKeepTheKustomizeImageTagsAtTheProjectVersion() {
        String version = Repository.projectVersion();
        for (String variant : List.of("base", "overlays/dev", "overlays/production")) {
            @SuppressWarnings("unchecked")
            var images = (List<Map<String, Object>>) Kustomization.documents(
                    Kustomization.KUBERNETES.resolve(variant).resolve("kustomization.yaml")).getFirst()
                    .getOrDefault("images", List.of());
            images.forEach(i -> assertThat(String.valueOf(i.get("newTag"))).as(variant + " " + i.get("name"))
                    .isEqualTo(version));
        }
    }
}
