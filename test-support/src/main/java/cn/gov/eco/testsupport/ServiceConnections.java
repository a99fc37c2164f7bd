package cn.gov.eco.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * On the Testcontainers path, every Spring application an integration test starts is wired to the shared Kafka
 * and MongoDB containers by Boot's {@code @ServiceConnection} (KafkaConnectionDetails, MongoConnectionDetails),
 * without a change to the tests: {@link Initializer} is registered in {@code META-INF/spring.factories} and adds
 * this configuration to a context when {@link TestInfrastructure} runs on containers. On the embedded default it
 * adds nothing.
 *
 * <p>The containers are shared by every test class of the JVM and outlive each application context: their bean
 * definitions name a harmless destroy method ({@code getContainerId}), so neither Spring (which would infer
 * {@code close()}) nor Boot's Testcontainers lifecycle (which stops the containers the framework does not destroy)
 * stops them when a test's application closes. {@link TestInfrastructure} stops them when the JVM exits.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServiceConnections {

    @Bean(destroyMethod = "getContainerId")
    @ServiceConnection
    KafkaContainer sharedKafka() {
        return TestInfrastructure.get().kafkaContainer();
    }

    @Bean(destroyMethod = "getContainerId")
    @ServiceConnection
    MongoDBContainer sharedMongo() {
        return TestInfrastructure.get().mongoContainer();
    }

    /** Adds {@link ServiceConnections} to an application context when the tests run on containers. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (TestInfrastructure.runsOnContainers() && context instanceof GenericApplicationContext generic) {
                generic.registerBean(ServiceConnections.class);
            }
        }
    }
}
