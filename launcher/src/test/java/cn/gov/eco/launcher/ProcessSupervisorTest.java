package cn.gov.eco.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessSupervisorTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ProcessSupervisor supervisor = new ProcessSupervisor(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            Duration.ofSeconds(2));

    @AfterEach
    void tearDown() {
        supervisor.close();
    }

    @Test
    void prefixesOutputWaitsForReadinessAndStopsChildrenOnClose() throws Exception {
        int port = freePort();
        var child = supervisor.start("case-service", command("serve", Integer.toString(port)), Map.of("X", "1"),
                Path.of("."), URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));

        supervisor.awaitReady(Duration.ofSeconds(30));
        awaitOutput(out, "[case-service] hello from stdout");
        awaitOutput(err, "[case-service] hello from stderr");

        supervisor.close();
        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void detectsAChildThatDiesDuringStartup() {
        int port = freePort();
        supervisor.start("healthy", command("serve", Integer.toString(port)), Map.of(), Path.of("."),
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
        supervisor.start("notice-service", command("die", "3"), Map.of(), Path.of("."),
                URI.create("http://127.0.0.1:" + freePort() + "/actuator/health/readiness"));

        assertThatThrownBy(() -> supervisor.awaitReady(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(ProcessSupervisor.ChildExitedException.class, e -> {
                    assertThat(e.childName()).isEqualTo("notice-service");
                    assertThat(e.exitCode()).isEqualTo(3);
                });
    }

    @Test
    void timesOutWhenAChildNeverBecomesReady() {
        supervisor.start("silent", command("stubborn"), Map.of(), Path.of("."),
                URI.create("http://127.0.0.1:" + freePort() + "/actuator/health/readiness"));
        assertThatThrownBy(() -> supervisor.awaitReady(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("silent");
    }

    @Test
    void killsAChildThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        var child = supervisor.start("credit-service", command("stubborn"), Map.of(), Path.of("."), null);
        awaitOutput(out, "[credit-service] stubborn");

        long t0 = System.nanoTime();
        supervisor.close();
        assertThat(child.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not stop within 2 s; killing it");
    }

    @Test
    void stopsOneChildHardOrCleanlyForgetsItAndStartsItAgainUnderTheSameName() throws Exception {
        int port = freePort();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        var other = supervisor.start("other", command("stubborn"), Map.of(), Path.of("."), null);
        var first = supervisor.start("case-service", command("serve", Integer.toString(port)), Map.of(), Path.of("."),
                health);
        supervisor.awaitReady(first, Duration.ofSeconds(30));

        assertThat(supervisor.stop(first, true)).as("SIGKILL").isEqualTo(137);
        assertThat(supervisor.child("case-service")).isEmpty();
        var second = supervisor.start("case-service", command("serve", Integer.toString(port)), Map.of(),
                Path.of("."), health);
        supervisor.awaitReady(second, Duration.ofSeconds(30));
        assertThat(supervisor.child("case-service")).contains(second);

        assertThat(supervisor.stop(other, false)).as("SIGTERM, then SIGKILL after the grace period")
                .isNotZero();
        supervisor.awaitReady(second, Duration.ofSeconds(30)); // the other one's death does not concern it
        assertThat(supervisor.children()).containsExactly(second);
    }

    @Test
    void reportsWhichChildExitsAfterStartup() throws Exception {
        supervisor.start("a", command("stubborn"), Map.of(), Path.of("."), null);
        supervisor.start("b", command("die", "7"), Map.of(), Path.of("."), null);
        var dead = supervisor.awaitAnyExit();
        assertThat(dead.name()).isEqualTo("b");
        assertThat(dead.process().waitFor()).isEqualTo(7);
    }

    static List<String> command(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes;
        try {
            classes = Path.of(TrivialChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        var cmd = new java.util.ArrayList<>(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classes, TrivialChild.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitOutput(ByteArrayOutputStream stream, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!stream.toString(StandardCharsets.UTF_8).contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stream.toString(StandardCharsets.UTF_8)).contains(expected);
    }
}
