package cn.gov.eco.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which infrastructure the integration tests run on, from the system property {@code infra} (the root POM passes
 * it to failsafe; default {@code auto}):
 * <ul>
 *   <li>{@code auto}: Testcontainers when a Docker engine answers, the embedded default otherwise;</li>
 *   <li>{@code testcontainers}: Testcontainers, and a clear failure where no Docker engine answers — the CI profile
 *   ({@code ./test -Ptestcontainers}) must not pass silently on the embedded default;</li>
 *   <li>{@code embedded}: the in-JVM Kafka broker and the MongoDB wire server, even where Docker exists.</li>
 * </ul>
 */
public final class InfrastructureSelection {

    public enum Mode {
        EMBEDDED("embedded"), TESTCONTAINERS("testcontainers");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private InfrastructureSelection() {
    }

    /**
     * @param wanted the {@code infra} property as given (null or blank is {@code auto})
     * @param docker whether a Docker engine answers; asked only when the answer matters
     */
    public static Mode select(String wanted, BooleanSupplier docker) {
        String w = wanted == null || wanted.isBlank() ? "auto" : wanted.trim().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "embedded" -> Mode.EMBEDDED;
            case "auto" -> docker.getAsBoolean() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
            case "testcontainers" -> {
                if (!docker.getAsBoolean()) {
                    throw new IllegalStateException("infra=testcontainers, but no Docker engine answers here: start"
                            + " one (DOCKER_HOST, Testcontainers' docker.host) or run with -Dinfra=auto or -Dinfra=embedded");
                }
                yield Mode.TESTCONTAINERS;
            }
            default -> throw new IllegalArgumentException("infra=" + wanted
                    + " is not one of auto, embedded, testcontainers");
        };
    }
}
