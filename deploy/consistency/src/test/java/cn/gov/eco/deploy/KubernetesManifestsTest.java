package cn.gov.eco.deploy;

import cn.gov.eco.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes against the code, for the base and each overlay as {@code kubectl apply -k} renders it: what a
 * Deployment probes, listens on and sets in its environment is what the application serves and reads; budgets,
 * the autoscaler and the network policies cover what they should.
 */
class KubernetesManifestsTest {

    private static final BootProperties BOOT = new BootProperties();

    static Kustomization render(String variant) {
        return Kustomization.of(variant);
    }

    /** The Deployments of the applications that have a configuration file, by module. */
    static Map<String, Deployment> applications(Kustomization k) {
        Map<String, Deployment> apps = new LinkedHashMap<>();
        for (Deployment d : k.all(Deployment.class)) {
            String module = d.getMetadata().getName();
            if (Application.load(module).isPresent()) {
                apps.put(module, d);
            }
        }
        return apps;
    }

    static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(d.getMetadata().getName() + " runs one container").hasSize(1);
        return containers.getFirst();
    }

    /**
     * The environment a container gets: envFrom ConfigMaps first, then env (which wins), a configMapKeyRef resolved
     * to its value. Values of secrets: "".
     */
    static Map<String, String> environment(Kustomization k, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            assertThat(from.getConfigMapRef()).as("envFrom names a ConfigMap").isNotNull();
            ConfigMap cm = k.one(ConfigMap.class, from.getConfigMapRef().getName());
            env.putAll(cm.getData());
        }
        for (EnvVar v : c.getEnv()) {
            var ref = v.getValueFrom() == null ? null : v.getValueFrom().getConfigMapKeyRef();
            String value = ref != null ? k.one(ConfigMap.class, ref.getName()).getData().get(ref.getKey())
                    : v.getValue();
            if (ref != null) {
                assertThat(value).as(v.getName() + ": key " + ref.getKey() + " of ConfigMap " + ref.getName())
                        .isNotNull();
            }
            env.put(v.getName(), value == null ? "" : value);
        }
        return env;
    }

    @Test
    void shouldRenderEveryManifestFileFromSomeKustomization() {
        Set<Path> used = new TreeSet<>();
        for (String variant : List.of("base", "overlays/dev", "overlays/production")) {
            used.addAll(render(variant).files());
        }
        assertThat(Kustomization.allYamlFiles()).as("YAML files under deploy/kubernetes that no kustomization uses")
                .allMatch(used::contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldParseEveryManifestWithTheKubernetesModel(String variant) {
        List<HasMetadata> resources = render(variant).resources();
        Set<String> operatorKinds = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "MongoDBCommunity");
        assertThat(resources).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getMetadata().getName()).isNotBlank();
            if (operatorKinds.contains(r.getKind())) {
                assertThat(r).isInstanceOf(GenericKubernetesResource.class);
            } else {
                assertThat(r).as(r.getKind() + " is a kind of the Kubernetes model")
                        .isNotInstanceOf(GenericKubernetesResource.class);
            }
        });
        assertThat(resources).extracting(HasMetadata::getKind).contains("Deployment", "Service",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "ConfigMap", "Kafka",
                "KafkaNodePool", "KafkaTopic", "KafkaUser", "MongoDBCommunity");
    }

    @Test
    void shouldDeployEveryApplicationThatExists() {
        assertThat(applications(render("base")).keySet()).containsExactlyInAnyOrderElementsOf(
                Application.all().stream().map(Application::module).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldProbeTheHealthGroupsOnThePortTheApplicationListensOn(String variant) {
        Kustomization k = render(variant);
        applications(k).forEach((module, d) -> {
            Application app = Application.named(module);
            Container c = container(d);
            int port = app.port(environment(k, c));
            assertThat(c.getPorts()).as(module + "'s container port").extracting(ContainerPort::getContainerPort)
                    .containsExactly(port);
            assertProbe(module + " readiness", c.getReadinessProbe(), app.readinessPath(), c);
            assertProbe(module + " liveness", c.getLivenessProbe(), app.livenessPath(), c);
            assertProbe(module + " startup", c.getStartupProbe(), app.livenessPath(), c);
        });
    }

    private static void assertProbe(String what, Probe probe, Optional<String> servedPath, Container c) {
        assertThat(servedPath).as(what + ": the application serves the probe (management.endpoint.health.probes"
                + ".enabled, health exposed)").isPresent();
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(what + " path").isEqualTo(servedPath.get());
        String portName = get.getPort().getStrVal();
        Integer port = portName == null ? get.getPort().getIntVal() : c.getPorts().stream()
                .filter(p -> portName.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(what + " names port " + portName + ", which is not declared"));
        assertThat(port).as(what + " port").isEqualTo(c.getPorts().getFirst().getContainerPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldSetOnlyEnvironmentVariablesTheApplicationReads(String variant) {
        Kustomization k = render(variant);
        List<String> unread = new ArrayList<>();
        applications(k).forEach((module, d) -> {
            Application app = Application.named(module);
            environment(k, container(d)).keySet().stream().filter(v -> !app.reads(v, BOOT))
                    .forEach(v -> unread.add(module + ": " + v));
        });
        assertThat(unread).as("environment variables set in deploy/kubernetes/" + variant
                + " that the application neither has a ${placeholder} for nor binds as a Boot property").isEmpty();
    }

    /**
     * Every Secret a workload or the MongoDB operator reads exists: generated by the overlay (dev), written by an
     * operator (a KafkaUser's credentials, a MongoDB user's connection string), or named in the README's table of
     * Secrets the platform team creates (production).
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/production"})
    @SuppressWarnings("unchecked")
    void shouldReadOnlySecretsThatSomeoneCreates(String variant) {
        Kustomization k = render(variant);
        Set<String> available = new TreeSet<>();
        k.all(io.fabric8.kubernetes.api.model.Secret.class).forEach(x -> available.add(x.getMetadata().getName()));
        k.custom("KafkaUser").forEach(u -> available.add(u.getMetadata().getName()));
        var mongo = (Map<String, Object>) k.custom("MongoDBCommunity").getFirst().getAdditionalProperties().get("spec");
        Set<String> needed = new TreeSet<>();
        for (var user : (List<Map<String, Object>>) mongo.get("users")) {
            available.add(String.valueOf(user.get("connectionStringSecretName")));
            needed.add(String.valueOf(((Map<String, Object>) user.get("passwordSecretRef")).get("name")));
        }
        if (variant.endsWith("production")) {
            var table = java.util.regex.Pattern.compile("\\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \\|")
                    .matcher(Repository.read("README.md"));
            while (table.find()) {
                java.util.Arrays.stream(table.group(1).split(", ")).map(n -> n.replace("`", "")).forEach(available::add);
            }
        }
        for (Deployment d : k.all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> c.getEnv().stream().filter(e -> e.getValueFrom() != null
                    && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> needed.add(e.getValueFrom().getSecretKeyRef().getName())));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> needed.add(v.getSecret().getSecretName()));
        }
        k.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).forEach(i -> i.getSpec().getTls()
                .forEach(t -> needed.add(t.getSecretName())));
        assertThat(available).as(variant + ": Secrets generated, written by an operator or created by the platform"
                + " team (README)").containsAll(needed);
    }

    @Test
    void shouldSetOnlyVariablesTheSimulatorsRead() {
        Kustomization k = render("overlays/dev");
        assertThat(environment(k, container(k.one(Deployment.class, "simulators"))).keySet())
                .isSubsetOf(Application.simulatorVariables());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldGiveTheServicesTheIssuerTheAuthServerPutsInItsTokens(String variant) {
        Kustomization k = render(variant);
        var apps = applications(k);
        String issued = environment(k, container(apps.get("auth-server"))).get("OIDC_ISSUER");
        assertThat(issued).isNotBlank();
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            assertThat(environment(k, container(apps.get(service))).get("OIDC_ISSUER_URI"))
                    .as(service + "'s OIDC_ISSUER_URI").isEqualTo(issued);
        }
        assertThat(environment(k, container(apps.get("gateway"))).get("PORTAL_AUTH_SERVER_URL"))
                .as("the portal signs in where the tokens come from").isEqualTo(issued);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldRouteTheGatewayToServicesThatExistOnTheirPorts(String variant) {
        Kustomization k = render(variant);
        var apps = applications(k);
        Map<String, String> env = environment(k, container(apps.get("gateway")));
        for (String variable : List.of("CASE_SERVICE_URL", "NOTICE_SERVICE_URL", "CREDIT_SERVICE_URL", "AUTH_SERVER_URL")) {
            URI url = URI.create(env.get(variable));
            Service service = k.one(Service.class, url.getHost());
            assertThat(service.getSpec().getPorts()).as(variable + " → Service " + url.getHost())
                    .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(url.getPort()));
            String module = url.getHost();
            assertThat(url.getPort()).as(variable + " is the port " + module + " listens on")
                    .isEqualTo(Application.named(module).port(environment(k, container(apps.get(module)))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldRunEveryContainerAsNonRootWithRequestsAndLimits(String variant) {
        for (Deployment d : render(variant).all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(d.getMetadata().getName()).isTrue();
            for (Container c : pod.getContainers()) {
                var resources = c.getResources();
                assertThat(resources.getRequests()).as(c.getName() + " requests").containsKeys("cpu", "memory");
                assertThat(resources.getLimits()).as(c.getName() + " limits").containsKey("memory");
                assertThat(resources.getLimits().get("memory")).as(c.getName() + ": memory limit = request, the"
                        + " heap is a share of it").isEqualTo(resources.getRequests().get("memory"));
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldKeepADisruptionBudgetForEveryReplicatedDeploymentThatNeverBlocksADrain(String variant) {
        Kustomization k = render(variant);
        List<PodDisruptionBudget> budgets = k.all(PodDisruptionBudget.class);
        for (Deployment d : k.all(Deployment.class)) {
            if (d.getSpec().getReplicas() > 1) {
                assertThat(budgets).as("a PodDisruptionBudget for " + d.getMetadata().getName())
                        .anySatisfy(b -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                                .containsAllEntriesOf(b.getSpec().getSelector().getMatchLabels()));
            }
        }
        for (PodDisruptionBudget b : budgets) {
            assertThat(k.all(Deployment.class)).as(b.getMetadata().getName() + " selects a replicated Deployment")
                    .anySatisfy(d -> {
                        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                                .containsAllEntriesOf(b.getSpec().getSelector().getMatchLabels());
                        assertThat(d.getSpec().getReplicas()).isGreaterThan(b.getSpec().getMinAvailable().getIntVal());
                    });
        }
    }

    @Test
    void shouldScaleNoticeServiceNoFurtherThanItsConsumerGroupCanUse() {
        HorizontalPodAutoscaler hpa = render("base").one(HorizontalPodAutoscaler.class, "notice-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("notice-service");
        assertThat(hpa.getSpec().getMaxReplicas()).as("one consumer per partition of the topic it reads")
                .isLessThanOrEqualTo(Topics.ENFORCEMENT_CASE.partitions());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getResource().getName()).containsExactly("cpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldLetOnlyTheGatewayReachTheServices(String variant) {
        Kustomization k = render(variant);
        List<NetworkPolicy> policies = k.all(NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            Map<String, String> labels = applications(k).get(service).getSpec().getTemplate().getMetadata().getLabels();
            for (NetworkPolicy p : policies) {
                if (!selects(p, labels)) {
                    continue;
                }
                for (var rule : p.getSpec().getIngress()) {
                    assertThat(rule.getFrom()).as(p.getMetadata().getName() + " names who may reach " + service)
                            .isNotEmpty().allSatisfy(peer -> assertThat(allowedTowardsAService(peer, service))
                                    .as(p.getMetadata().getName() + ": " + peer).isTrue());
                }
            }
        }
    }

    private static boolean allowedTowardsAService(NetworkPolicyPeer peer, String service) {
        if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
            var name = peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            // the gateway; the simulated e-delivery platform's callbacks (dev)
            return "gateway".equals(name) || "notice-service".equals(service) && "simulators".equals(name);
        }
        if (peer.getIpBlock() != null) {
            return "notice-service".equals(service); // the e-delivery platform's callbacks (production)
        }
        // Prometheus from the monitoring namespace
        return peer.getNamespaceSelector() != null && "monitoring".equals(
                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    private static boolean selects(NetworkPolicy p, Map<String, String> labels) {
        var selector = p.getSpec().getPodSelector();
        boolean labelsMatch = selector.getMatchLabels() == null
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean expressionsMatch = selector.getMatchExpressions() == null || selector.getMatchExpressions().stream()
                .allMatch(e -> "In".equals(e.getOperator()) && e.getValues().contains(labels.get(e.getKey())));
        return labelsMatch && expressionsMatch;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void shouldLetExactlyTheApplicationsThatUseKafkaAndMongoDbReachThem(String variant) {
        Kustomization k = render(variant);
        GenericKubernetesResource kafka = k.custom("Kafka").getFirst();
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) ((Map<String, Object>) kafka.getAdditionalProperties().get("spec")).get("kafka");
        @SuppressWarnings("unchecked")
        var listeners = (List<Map<String, Object>>) spec.get("listeners");
        assertThat(listeners).as("the Kafka listeners").isNotEmpty().allSatisfy(l -> {
            assertThat(l).containsKey("authentication");
            assertThat(l.get("networkPolicyPeers")).as(l.get("name") + " names its peers").isNotNull();
        });
        String kafkaPeerLabel = "penalty-credit/kafka-client";
        NetworkPolicy mongo = k.one(NetworkPolicy.class, "mongodb-from-services");
        String mongoPeerLabel = "penalty-credit/mongodb-client";
        assertThat(mongo.getSpec().getIngress().getFirst().getFrom()).anySatisfy(peer ->
                assertThat(peer.getPodSelector().getMatchLabels()).containsEntry(mongoPeerLabel, "true"));
        applications(k).forEach((module, d) -> {
            Map<String, String> env = environment(k, container(d));
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels.containsKey(kafkaPeerLabel)).as(module + " is a Kafka client exactly when it is told"
                    + " where Kafka is").isEqualTo(env.containsKey("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(labels.containsKey(mongoPeerLabel)).as(module + " is a MongoDB client exactly when it is told"
                    + " where MongoDB is").isEqualTo(env.containsKey("MONGODB_URI"));
        });
    }
}
