package cn.gov.eco.platform.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The observability settings every service shares, as defaults below anything a service's file, the environment or
 * the command line sets:
 * <ul>
 *   <li>every request and record is traced ({@code management.tracing.sampling.probability=1.0}): trace and span
 *       ids in every log line; spans leave the process only when an OTLP endpoint is configured
 *       ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}), off by default;</li>
 *   <li>structured JSON logs are one setting away: {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (or
 *       {@code logstash}), Boot's own formats, which carry the trace and span ids too.</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "platformObservabilityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "management.tracing.sampling.probability", "1.0")));
    }
}
