package cn.gov.eco.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultTest {

    @TempDir
    Path dir;

    @Test
    void optionsDefaultToDataInTheWorkingDirectoryAndTakeEnvAndFlags() {
        var defaults = EmbeddedDefault.Options.parse(new String[0], Map.of());
        assertThat(defaults.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(defaults.startupTimeout()).isEqualTo(Duration.ofSeconds(120));

        assertThat(EmbeddedDefault.Options.parse(new String[0], Map.of("DATA_DIR", "/tmp/x")).dataDir())
                .isEqualTo(Path.of("/tmp/x"));
        var flags = EmbeddedDefault.Options.parse(
                new String[] {"--no-build", "--data-dir", "/tmp/y", "--startup-timeout=30", "--infra-only"},
                Map.of("DATA_DIR", "/tmp/x"));
        assertThat(flags.dataDir()).isEqualTo(Path.of("/tmp/y"));
        assertThat(flags.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(flags.infraOnly()).isTrue();
        assertThat(flags.services()).isEmpty();
        assertThat(defaults.noAuthServer()).isFalse();
        assertThatThrownBy(() -> EmbeddedDefault.Options.parse(new String[] {"--bogus"}, Map.of()))
                .hasMessageContaining("--bogus");
    }

    @Test
    void startsTheAuthServerFirstAndTheGatewayLastWithSmallHeaps() {
        var services = EmbeddedDefault.Options.parse(new String[0], Map.of()).services();

        assertThat(services).extracting(EmbeddedDefault.Service::name).containsExactly(
                "auth-server", "case-service", "notice-service", "credit-service", "dashboard-service", "gateway");
        assertThat(services).extracting(EmbeddedDefault.Service::port)
                .containsExactly(9000, 8081, 8082, 8083, 8084, 8080);
        assertThat(services.getFirst().jvmOptions()).contains("-Xmx192m");
        assertThat(services.getLast().jvmOptions()).contains("-Xmx192m");
    }

    @Test
    void leavesTheAuthServerOutWhenAskedOrWhenAnotherProviderIsNamed() {
        var flag = EmbeddedDefault.Options.parse(new String[] {"--no-auth-server"}, Map.of());
        var external = EmbeddedDefault.Options.parse(new String[0], Map.of("OIDC_ISSUER_URI", "https://sso.example/realms/eco"));
        var blank = EmbeddedDefault.Options.parse(new String[0], Map.of("OIDC_ISSUER_URI", " "));

        assertThat(flag.noAuthServer()).isTrue();
        assertThat(external.noAuthServer()).isTrue();
        assertThat(blank.noAuthServer()).isFalse();
        assertThat(flag.services()).extracting(EmbeddedDefault.Service::name)
                .containsExactly("case-service", "notice-service", "credit-service", "dashboard-service", "gateway");
    }

    @Test
    void tellsEachChildWhereEverythingIs() {
        var byName = EmbeddedDefault.SERVICES.stream()
                .collect(java.util.stream.Collectors.toMap(EmbeddedDefault.Service::name, s -> s));

        assertThat(EmbeddedDefault.childEnv(byName.get("auth-server"), "localhost:9092", "mongodb://localhost:27017",
                "http://localhost:9000")).containsExactly(Map.entry("SERVER_PORT", "9000"),
                Map.entry("OIDC_ISSUER", "http://localhost:9000"));
        assertThat(EmbeddedDefault.childEnv(byName.get("gateway"), "localhost:9092", "mongodb://localhost:27017",
                "http://localhost:9000")).containsOnly(Map.entry("SERVER_PORT", "8080"),
                Map.entry("CASE_SERVICE_URL", "http://localhost:8081"),
                Map.entry("NOTICE_SERVICE_URL", "http://localhost:8082"),
                Map.entry("CREDIT_SERVICE_URL", "http://localhost:8083"),
                Map.entry("DASHBOARD_SERVICE_URL", "http://localhost:8084"));
        assertThat(EmbeddedDefault.childEnv(byName.get("credit-service"), "localhost:9092", "mongodb://localhost:27017",
                "http://localhost:9000")).containsOnly(Map.entry("SERVER_PORT", "8083"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                Map.entry("MONGODB_URI", "mongodb://localhost:27017"),
                Map.entry("OIDC_ISSUER_URI", "http://localhost:9000"));
        assertThat(EmbeddedDefault.childEnv(byName.get("case-service"), "k:9092", "mongodb://m", null))
                .doesNotContainKey("OIDC_ISSUER_URI");
    }

    @Test
    void tellsNoticeServiceAloneWhereTheSimulatedEDeliveryPlatformIsAndItsSecret() {
        var byName = EmbeddedDefault.SERVICES.stream()
                .collect(java.util.stream.Collectors.toMap(EmbeddedDefault.Service::name, s -> s));
        var outside = new EmbeddedDefault.OutsideSystems(Map.of("notice-service", Map.of(
                "NOTICE_EDELIVERY_URL", "http://127.0.0.1:8090", "NOTICE_EDELIVERY_SECRET", "s3cret-s3cret-s3cret")),
                List.of("  e-delivery ..."));

        assertThat(EmbeddedDefault.childEnv(byName.get("notice-service"), "k:9092", "mongodb://m", null, outside))
                .containsEntry("NOTICE_EDELIVERY_URL", "http://127.0.0.1:8090")
                .containsEntry("NOTICE_EDELIVERY_SECRET", "s3cret-s3cret-s3cret")
                .containsEntry("SERVER_PORT", "8082");
        assertThat(EmbeddedDefault.childEnv(byName.get("credit-service"), "k:9092", "mongodb://m", null, outside))
                .doesNotContainKeys("NOTICE_EDELIVERY_URL", "NOTICE_EDELIVERY_SECRET");
        assertThat(EmbeddedDefault.edeliverySecret(Map.of("NOTICE_EDELIVERY_SECRET", "configured-secret-123")))
                .isEqualTo("configured-secret-123");
        String random = EmbeddedDefault.edeliverySecret(Map.of());
        assertThat(random).hasSize(48).isNotEqualTo(EmbeddedDefault.edeliverySecret(Map.of()));
    }

    @Test
    void printsTheGatewayAsTheEntryPointAndHowToGetAToken() {
        String table = EmbeddedDefault.table("localhost:9092", "mongodb://localhost:27017", "http://localhost:9000",
                EmbeddedDefault.SERVICES);

        assertThat(table).contains("OIDC issuer      http://localhost:9000")
                .contains("auth-server      http://localhost:9000    http://localhost:9000/actuator/health/readiness")
                .contains("gateway          http://localhost:8080    http://localhost:8080/actuator/health/readiness")
                .contains("Entry point: http://localhost:8080")
                .contains("curl -s -u cli:cli-secret -d grant_type=password -d username=officer-lin -d password=demo"
                        + " localhost:9000/oauth2/token");
        assertThat(EmbeddedDefault.table("k", "m", null, List.of())).doesNotContain("OIDC issuer", "curl");
    }

    @Test
    void findsTheRepositoryRootUpwards() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.createDirectories(dir.resolve("case-service"));
        Files.createDirectories(dir.resolve("launcher/target"));
        assertThat(EmbeddedDefault.findRepo(dir.resolve("launcher/target"))).isEqualTo(dir);
    }

    @Test
    void failsWhenAServiceJarIsMissing() {
        var launcher = new EmbeddedDefault(EmbeddedDefault.Options.parse(new String[] {"--data-dir", dir.toString()},
                Map.of()), Map.of(), dir);
        assertThatThrownBy(launcher::run)
                .isInstanceOf(EmbeddedDefault.MissingJarException.class)
                .hasMessage("auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar is missing: run ./start (it builds first)");

        var withoutAuthServer = new EmbeddedDefault(EmbeddedDefault.Options.parse(
                new String[] {"--data-dir", dir.toString(), "--no-auth-server"}, Map.of()), Map.of(), dir);
        assertThatThrownBy(withoutAuthServer::run)
                .isInstanceOf(EmbeddedDefault.MissingJarException.class)
                .hasMessage("case-service/target/case-service-0.1.0-SNAPSHOT-exec.jar is missing: run ./start (it builds first)");
    }

    @Test
    void aTakenPortFailsFastWithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka", "Stop it."))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " (Kafka) is already in use: something is already"
                            + " running there (another ./start?). Stop it.");
        }
    }

    @Test
    void refusesToTouchTheServicesOfALauncherThatStillRuns() throws Exception {
        var pids = new ChildPidFile(dir.resolve("launcher.pids"));
        pids.recordLauncher(ProcessHandle.current()); // "another" launcher, alive
        pids.record("case-service", ProcessHandle.current().pid(), "java");
        assertThatThrownBy(() -> pids.stopLeftovers(Duration.ofSeconds(1)))
                .isInstanceOf(ChildPidFile.AlreadyRunningException.class)
                .hasMessageContaining("Another launcher is already running (pid " + ProcessHandle.current().pid());
        assertThat(Files.exists(dir.resolve("launcher.pids"))).isTrue();
    }

    @Test
    void redactsMongoPasswords() {
        assertThat(EmbeddedDefault.redact("mongodb://app:s3cret@db:27017/?authSource=admin"))
                .isEqualTo("mongodb://app:****@db:27017/?authSource=admin");
        assertThat(EmbeddedDefault.redact("mongodb://127.0.0.1:27017")).isEqualTo("mongodb://127.0.0.1:27017");
    }

    @Test
    void stopsServicesLeftBehindByAKilledLauncher() throws Exception {
        var child = new ProcessBuilder(ProcessSupervisorTest.command("stubborn")).start();
        try {
            var pids = new ChildPidFile(dir.resolve("launcher.pids"));
            pids.record("launcher", 999_999_998L, "2026-01-01T00:00:00Z"); // a launcher that is gone
            pids.record("case-service", child.pid(), TrivialChild.class.getName());
            pids.record("gone", 999_999_999L, "whatever");
            assertThat(pids.stopLeftovers(Duration.ofSeconds(1))).isEqualTo(1);
            assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(Files.exists(dir.resolve("launcher.pids"))).isFalse();
        } finally {
            child.destroyForcibly();
        }
    }
}
