package cn.gov.eco.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorsTest {

    @Test
    void shouldReadTheSharedSecretFromTheFileASecretMountNames(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("edelivery-secret"), "s3cret\n");
        assertThat(Simulators.secret(Map.of("NOTICE_EDELIVERY_SECRET_FILE", file.toString(),
                "NOTICE_EDELIVERY_SECRET", "ignored"))).isEqualTo("s3cret");
    }

    @Test
    void shouldTakeTheSecretFromTheEnvironmentWithoutAFile() {
        assertThat(Simulators.secret(Map.of("NOTICE_EDELIVERY_SECRET", "env-secret"))).isEqualTo("env-secret");
    }

    @Test
    void shouldRefuseToStartWithoutASecret() {
        assertThatThrownBy(() -> Simulators.secret(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOTICE_EDELIVERY_SECRET");
    }

    @Test
    void shouldBindLoopbackUnlessToldOtherwise() {
        String before = System.getProperty("simulator.bind-address");
        try {
            System.clearProperty("simulator.bind-address");
            assertThat(SimulatorServer.bindAddress(0).getAddress().isLoopbackAddress()).isTrue();
            System.setProperty("simulator.bind-address", "0.0.0.0");
            assertThat(SimulatorServer.bindAddress(0).getAddress().isAnyLocalAddress()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("simulator.bind-address");
            } else {
                System.setProperty("simulator.bind-address", before);
            }
        }
    }
}
