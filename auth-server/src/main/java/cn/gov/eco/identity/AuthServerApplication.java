package cn.gov.eco.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded default's OAuth 2 / OpenID Connect provider: the demo accounts, the portal, cli and dashboard
 * clients, JWT access tokens carrying the claims the services authorise on (see {@code IdentityClaims}).
 *
 * <p>Kafka, MongoDB and the platform's auto-configuration are excluded by name: the auth server needs none of them,
 * and in the system tests it shares one classpath with the services, where all three are present.
 */
@SpringBootApplication(excludeName = {
        "cn.gov.eco.platform.PlatformAutoConfiguration",
        "cn.gov.eco.platform.security.PlatformSecurityConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration"})
@ConfigurationPropertiesScan
public class AuthServerApplication {

    /** The configuration file is {@code auth-server.yml}, so that it can share one classpath with the services in the system tests. */
    public static final String CONFIG_NAME = "auth-server";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
