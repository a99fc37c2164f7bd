package cn.gov.eco.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file hands the services their credentials as files under /run/secrets, read through Spring Boot's
 * config tree ({@code SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/}). This runs that import for real, with
 * the files each service mounts (their names from compose.yaml): the file {@code MONGODB_URI} answers the
 * placeholder {@code ${MONGODB_URI:...}}, the file {@code spring.kafka.properties.sasl.jaas.config} binds as that
 * Kafka client property, the trailing newline an editor leaves is dropped.
 */
class ConfigTreeSecretsTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void shouldGiveEveryServiceTheSecretsItMountsAsProperties(@TempDir Path secrets) {
        var compose = new ComposeFile();
        for (String service : List.of("case-service", "notice-service", "credit-service")) {
            Map<String, String> mounted = ComposeFile.secrets(compose.service(service));
            mounted.values().forEach(file -> Repository.write(secrets.resolve(file), "value of " + file + "\n"));
            String importValue = ComposeFile.environment(compose.service(service)).get("SPRING_CONFIG_IMPORT")
                    .replace("/run/secrets/", secrets.toAbsolutePath() + "/");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                    .web(WebApplicationType.NONE).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                    .logStartupInfo(false).properties("spring.config.import=" + importValue)
                    .run()) {
                var env = context.getEnvironment();
                assertThat(env.resolvePlaceholders("${MONGODB_URI:mongodb://localhost:27017}"))
                        .as(service + "'s MongoDB URI").isEqualTo("value of MONGODB_URI");
                Map<String, String> kafka = Binder.get(env)
                        .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
                assertThat(kafka).as(service + "'s Kafka client properties")
                        .containsEntry("sasl.jaas.config", "value of spring.kafka.properties.sasl.jaas.config");
                if (mounted.containsValue("NOTICE_EDELIVERY_SECRET")) {
                    assertThat(env.resolvePlaceholders("${NOTICE_EDELIVERY_SECRET:embedded-default-edelivery-secret}"))
                            .isEqualTo("value of NOTICE_EDELIVERY_SECRET");
                }
            }
        }
    }
}
