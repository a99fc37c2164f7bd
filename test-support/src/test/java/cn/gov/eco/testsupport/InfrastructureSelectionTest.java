package cn.gov.eco.testsupport;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static cn.gov.eco.testsupport.InfrastructureSelection.Mode.EMBEDDED;
import static cn.gov.eco.testsupport.InfrastructureSelection.Mode.TESTCONTAINERS;
import static cn.gov.eco.testsupport.InfrastructureSelection.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureSelectionTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void shouldPickTestcontainersAutomaticallyWhenDockerAnswers() {
        assertThat(select("auto", DOCKER)).isEqualTo(TESTCONTAINERS);
        assertThat(select(null, DOCKER)).isEqualTo(TESTCONTAINERS);
        assertThat(select("  ", DOCKER)).isEqualTo(TESTCONTAINERS);
    }

    @Test
    void shouldFallBackToTheEmbeddedDefaultAutomaticallyWithoutDocker() {
        assertThat(select("auto", NO_DOCKER)).isEqualTo(EMBEDDED);
        assertThat(select(null, NO_DOCKER)).isEqualTo(EMBEDDED);
    }

    @Test
    void shouldRunEmbeddedWhenAskedEvenWhereDockerExistsWithoutAskingDocker() {
        var asked = new AtomicInteger();
        assertThat(select("embedded", () -> asked.incrementAndGet() > 0)).isEqualTo(EMBEDDED);
        assertThat(select("EMBEDDED", DOCKER)).isEqualTo(EMBEDDED);
        assertThat(asked).hasValue(0);
    }

    @Test
    void shouldForceTestcontainersForTheCiProfile() {
        assertThat(select("testcontainers", DOCKER)).isEqualTo(TESTCONTAINERS);
        assertThat(select(" Testcontainers ", DOCKER)).isEqualTo(TESTCONTAINERS);
    }

    @Test
    void shouldFailRatherThanFallBackWhenTestcontainersIsForcedWithoutDocker() {
        assertThatThrownBy(() -> select("testcontainers", NO_DOCKER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers");
    }

    @Test
    void shouldRefuseAnUnknownChoiceNamingTheValidOnes() {
        assertThatThrownBy(() -> select("docker", DOCKER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("infra=docker").hasMessageContaining("auto, embedded, testcontainers");
    }

    @Test
    void shouldGiveEachTestItsOwnDatabaseOnTheReplicaSet() {
        assertThat(TestInfrastructure.mongoUri("mongodb://localhost:32781/test")).isEqualTo("mongodb://localhost:32781/");
        assertThat(TestInfrastructure.mongoUri("mongodb://localhost:32781/test?replicaSet=docker-rs"))
                .isEqualTo("mongodb://localhost:32781/?replicaSet=docker-rs");
    }

    @Test
    void shouldAddNoServiceConnectionsOnTheEmbeddedDefault() {
        var context = new org.springframework.context.support.GenericApplicationContext();
        new ServiceConnections.Initializer().initialize(context);
        assertThat(context.getBeanDefinitionNames()).doesNotContain("serviceConnections");
    }

    @Test
    void shouldRegisterTheInitializerForEverySpringApplicationOfTheTests() {
        var initializers = org.springframework.core.io.support.SpringFactoriesLoader.forDefaultResourceLocation()
                .load(org.springframework.context.ApplicationContextInitializer.class);
        assertThat(initializers).hasAtLeastOneElementOfType(ServiceConnections.Initializer.class);
    }
}
