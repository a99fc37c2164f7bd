package cn.gov.eco.platform.publicity;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the platform's {@code platform-publicity.yml} — the one shipped publicity configuration — to every service's
 * environment, after all of the service's own sources, so that every service classifies with the same settings
 * unless one is explicitly overridden.
 */
public class PublicityDefaults implements EnvironmentPostProcessor {

    public static final String RESOURCE = "platform-publicity.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var resource = new ClassPathResource(RESOURCE, PublicityDefaults.class.getClassLoader());
        if (!resource.exists() || environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, resource)) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
