package cn.gov.eco.deploy;

import cn.gov.eco.contracts.Principal;
import cn.gov.eco.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/compose against the code: parsed, every long-running service health-checked and started only after what it
 * depends on is healthy (or, for the init jobs, done), every environment variable and config-tree secret one the
 * application reads, the Kafka cluster and the replica set as the issue requires, secrets from files only, data in
 * named volumes. With {@code docker compose config} where that command exists.
 */
class ComposeFileTest {

    private static final BootProperties BOOT = new BootProperties();
    private static final Path COMPOSE_DIR = Repository.path("deploy/compose");
    private final ComposeFile compose = new ComposeFile();

    @Test
    void shouldHealthCheckEveryLongRunningServiceAndStartItAfterWhatItNeeds() {
        var services = compose.services();
        services.forEach((name, s) -> {
            if (ComposeFile.oneShot(s)) {
                assertThat(s).as(name + " is a one-shot job").doesNotContainKey("healthcheck");
            } else {
                assertThat(s).as(name + " has a health check").containsKey("healthcheck");
            }
            ComposeFile.dependencies(s).forEach((dependency, how) -> {
                assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                String condition = String.valueOf(how.get("condition"));
                if (ComposeFile.oneShot(services.get(dependency))) {
                    assertThat(condition).as(name + " waits until " + dependency + " has finished")
                            .isEqualTo("service_completed_successfully");
                } else {
                    assertThat(condition).as(name + " waits until " + dependency + " is healthy")
                            .isEqualTo("service_healthy");
                }
            });
        });
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            assertThat(ComposeFile.dependencies(compose.service(service)))
                    .containsKeys("kafka-init", "mongo-init", "auth-server");
        }
    }

    @Test
    void shouldSetOnlyEnvironmentVariablesAndConfigTreeSecretsTheApplicationReads() {
        List<String> unread = new ArrayList<>();
        compose.services().forEach((name, s) -> ComposeFile.module(s).flatMap(Application::load).ifPresent(app -> {
            Map<String, String> env = ComposeFile.environment(s);
            env.keySet().stream().filter(v -> !app.reads(v, BOOT)).forEach(v -> unread.add(name + ": env " + v));
            boolean configTree = env.getOrDefault("SPRING_CONFIG_IMPORT", "").contains("configtree:/run/secrets/");
            ComposeFile.secrets(s).values().forEach(file -> {
                if (!configTree || !app.readsProperty(file, BOOT)) {
                    unread.add(name + ": secret file /run/secrets/" + file);
                }
            });
        }));
        assertThat(unread).as("set in compose.yaml but read by no ${placeholder} or Boot property of the"
                + " application").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLimitTheMemoryOfEveryApplicationSoThatItsHeapIsSizedByIt() {
        compose.services().forEach((name, s) -> ComposeFile.module(s).ifPresent(module -> {
            var deploy = (Map<String, Object>) s.get("deploy");
            assertThat(deploy).as(name + " has deploy.resources.limits.memory").isNotNull();
            var limits = (Map<String, Object>) ((Map<String, Object>) deploy.get("resources")).get("limits");
            assertThat(String.valueOf(limits.get("memory"))).as(name + "'s memory limit").matches("\\d+[mg]");
        }));
    }

    @Test
    void shouldSetOnlyVariablesTheSimulatorsRead() {
        assertThat(ComposeFile.environment(compose.service("simulators")).keySet())
                .isSubsetOf(Application.simulatorVariables());
        assertThat(ComposeFile.environment(compose.service("simulators")).get("NOTICE_EDELIVERY_SECRET_FILE"))
                .isEqualTo("/run/secrets/" + ComposeFile.secrets(compose.service("simulators")).get("edelivery_secret"));
        assertThat(ComposeFile.secrets(compose.service("notice-service"))).as("the secret the callbacks are signed with")
                .containsEntry("edelivery_secret", "NOTICE_EDELIVERY_SECRET");
    }

    @Test
    void shouldProbeTheReadinessGroupOnThePortTheApplicationListensOn() {
        compose.services().forEach((name, s) -> ComposeFile.module(s).flatMap(Application::load).ifPresent(app -> {
            @SuppressWarnings("unchecked")
            List<String> test = (List<String>) ((Map<String, Object>) s.get("healthcheck")).get("test");
            URI url = URI.create(test.getLast());
            assertThat(url.getPath()).as(name + "'s health check").isEqualTo(app.readinessPath().orElseThrow());
            assertThat(url.getPort()).as(name + "'s health check port")
                    .isEqualTo(app.port(ComposeFile.environment(s)));
        }));
    }

    @Test
    void shouldRunAThreeNodeKraftClusterThatKeepsEveryWriteOnTwoReplicas() {
        var nodes = compose.services().entrySet().stream()
                .filter(e -> ComposeFile.image(e.getValue()).startsWith("apache/kafka:")
                        && !ComposeFile.oneShot(e.getValue())).map(Map.Entry::getKey).toList();
        assertThat(nodes).containsExactly("kafka-1", "kafka-2", "kafka-3");
        String node = Repository.read("deploy/compose/kafka/kafka-node.sh");
        assertThat(node).contains("process.roles=broker,controller",
                "controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093",
                "default.replication.factor=3", "min.insync.replicas=2", "unclean.leader.election.enable=false",
                "allow.everyone.if.no.acl.found=false", "auto.create.topics.enable=false",
                "sasl.enabled.mechanisms=SCRAM-SHA-512");
        compose.services().values().stream().filter(s -> ComposeFile.image(s).startsWith("apache/kafka:"))
                .forEach(s -> assertThat(ComposeFile.image(s)).as("the Kafka the tests run")
                        .isEqualTo(TestInfrastructure.KAFKA_IMAGE));
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            var env = ComposeFile.environment(compose.service(service));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")).containsExactlyInAnyOrder(
                    "kafka-1:9092", "kafka-2:9092", "kafka-3:9092");
            assertThat(env).containsEntry("KAFKA_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_CREATE_TOPICS", "false")
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        }
    }

    @Test
    void shouldGiveEveryPrincipalItsOwnScramUserAndEveryServiceItsOwnCredentials() {
        var init = ComposeFile.secrets(compose.service("kafka-init"));
        for (Principal p : Principal.values()) {
            assertThat(init).as("kafka-init creates the SCRAM user " + p.userName())
                    .containsKey("kafka_" + p.userName() + "_password");
        }
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            var secrets = ComposeFile.secrets(compose.service(service));
            assertThat(secrets).containsEntry(service + "_kafka_jaas", "spring.kafka.properties.sasl.jaas.config")
                    .containsEntry(service + "_mongodb_uri", "MONGODB_URI");
            assertThat(String.valueOf(((Map<?, ?>) compose.topLevel("secrets").get(service + "_kafka_jaas")).get("file")))
                    .isEqualTo("./secrets/" + service + ".kafka_jaas");
        }
    }

    @Test
    void shouldRunAThreeMemberReplicaSetWithMajorityWritesAndReads() {
        var members = compose.services().entrySet().stream()
                .filter(e -> ComposeFile.image(e.getValue()).startsWith("mongo:") && !ComposeFile.oneShot(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(members).containsExactly("mongo-1", "mongo-2", "mongo-3");
        compose.services().values().stream().filter(s -> ComposeFile.image(s).startsWith("mongo:"))
                .forEach(s -> assertThat(ComposeFile.image(s)).isEqualTo(TestInfrastructure.MONGO_IMAGE));
        String init = Repository.read("deploy/compose/mongo/mongo-init.js");
        members.forEach(m -> assertThat(init).contains("host: '" + m + ":27017'"));
        assertThat(Repository.read("deploy/compose/mongo/mongo-node.sh")).contains("--replSet rs0", "--keyFile");
        String generate = Repository.read("deploy/compose/secrets/generate");
        assertThat(generate).contains("@mongo-1:27017,mongo-2:27017,mongo-3:27017/?replicaSet=rs0",
                "w=majority", "readConcernLevel=majority");
        // the users mongo-init creates are the services that use MongoDB, on the databases they use
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            assertThat(OperatorResourcesTest.databaseOf(Application.named(service))).isEqualTo(service);
        }
        Matcher m = Pattern.compile("for \\(const service of \\[([^]]+)]").matcher(init);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("'case-service', 'notice-service', 'credit-service'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepDataInNamedVolumesAndSecretsInFiles() {
        var declared = compose.topLevel("volumes").keySet();
        compose.services().forEach((name, s) -> {
            for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
                String[] parts = String.valueOf(v).split(":");
                if (parts[0].startsWith(".")) {
                    assertThat(parts).as(name + " mounts " + parts[0] + " read-only").hasSize(3);
                    assertThat(parts[2]).isEqualTo("ro");
                    assertThat(COMPOSE_DIR.resolve(parts[0]).normalize()).as(name + " mounts what exists").exists();
                } else {
                    assertThat(declared).as(name + "'s volume " + parts[0] + " is a named volume").contains(parts[0]);
                }
            }
            ComposeFile.environment(s).forEach((k, value) -> {
                if (k.matches(".*(PASSWORD|SECRET|JAAS_CONFIG)|MONGODB_URI")) {
                    throw new AssertionError(name + " sets " + k + " inline: secrets come from files");
                }
            });
            ComposeFile.secrets(s).keySet().forEach(secret ->
                    assertThat(compose.topLevel("secrets")).as(name + "'s secret " + secret).containsKey(secret));
        });
        compose.topLevel("secrets").forEach((name, definition) -> assertThat((Map<String, Object>) definition)
                .as(name + " is a file").containsOnlyKeys("file"));
    }

    /** secrets/generate, run for real in a scratch copy: it creates every file the compose file names, twice alike. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldCreateEverySecretFileTheComposeFileNames(@TempDir Path scratch) throws Exception {
        Path secrets = Files.createDirectories(scratch.resolve("secrets"));
        Files.copy(COMPOSE_DIR.resolve("secrets/generate"), secrets.resolve("generate"));
        Process run = new ProcessBuilder("bash", secrets.resolve("generate").toString()).redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        compose.topLevel("secrets").forEach((name, definition) -> {
            Path file = scratch.resolve(String.valueOf(((Map<String, Object>) definition).get("file"))).normalize();
            assertThat(file).as("secrets/generate creates " + name).isNotEmptyFile();
        });
        for (Principal p : Principal.values()) {
            assertThat(Files.readString(secrets.resolve(p.userName() + ".kafka_jaas"))).as(p.userName() + "'s login")
                    .contains("username=\"" + p.userName() + "\"")
                    .contains("password=\"" + Files.readString(secrets.resolve("kafka_" + p.userName() + "_password")) + "\"");
        }
    }

    @Test
    void shouldGiveTheServicesTheIssuerTheAuthServerPutsInItsTokens() {
        String issued = ComposeFile.environment(compose.service("auth-server")).get("OIDC_ISSUER");
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            assertThat(ComposeFile.environment(compose.service(service))).containsEntry("OIDC_ISSUER_URI", issued);
        }
        assertThat(ComposeFile.environment(compose.service("gateway"))).containsEntry("PORTAL_AUTH_SERVER_URL", issued);
    }

    @Test
    void shouldMountTheObservabilityIssuesRulesAndDashboards() {
        @SuppressWarnings("unchecked")
        List<String> prometheus = (List<String>) compose.service("prometheus").get("volumes");
        assertThat(prometheus).contains("../observability/prometheus:/etc/prometheus/rules:ro");
        assertThat(Repository.read("deploy/compose/prometheus/prometheus.yml")).contains("/etc/prometheus/rules/alert");
        @SuppressWarnings("unchecked")
        List<String> grafana = (List<String>) compose.service("grafana").get("volumes");
        assertThat(grafana).contains("../observability/grafana/provisioning:/etc/grafana/provisioning:ro",
                "../observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        // every application the compose file runs is scraped
        String scrape = Repository.read("deploy/compose/prometheus/prometheus.yml");
        compose.services().forEach((name, s) -> ComposeFile.module(s).flatMap(Application::load).ifPresent(app ->
                assertThat(scrape).as(name + " is scraped on its port").contains("names: [" + name + "]\n        type: A\n"
                        + "        port: " + app.port(ComposeFile.environment(s)))));
    }

    @Test
    void shouldBeValidForDockerComposeWhereThatCommandExists() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
        } catch (java.io.IOException noDocker) {
            assumeTrue(false, "no docker command here: compose.yaml is checked by parsing only");
            return;
        }
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "no docker compose plugin here");
        // secrets must exist for config to resolve them: a throw-away set in a copy is not needed, generate is idempotent
        assumeTrue(Files.exists(COMPOSE_DIR.resolve("secrets/kafka_admin_password")),
                "run deploy/compose/secrets/generate first");
        Process config = new ProcessBuilder("docker", "compose", "-f", ComposeFile.PATH, "config", "--quiet")
                .directory(Repository.ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(output).isZero();
    }
}
