package cn.gov.eco.system;

import cn.gov.eco.credit.CreditServiceApplication;
import cn.gov.eco.enforcement.CaseServiceApplication;
import cn.gov.eco.notice.NoticeServiceApplication;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The three services against one broker and one store, started once for all the system tests of this JVM (each in
 * its own Spring context, with its own database and consumer group for this run), stopped when the JVM ends.
 * The services trust the tokens of {@link TestTokens}.
 */
final class RunningSystem {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static RunningSystem instance;

    final ConfigurableApplicationContext caseService;
    final ConfigurableApplicationContext noticeService;
    final ConfigurableApplicationContext creditService;

    /** The walkthrough's day: 2026-11-23 in Asia/Shanghai. */
    @Configuration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    private RunningSystem() {
        caseService = start(CaseServiceApplication.class, CaseServiceApplication.CONFIG_NAME);
        noticeService = start(NoticeServiceApplication.class, NoticeServiceApplication.CONFIG_NAME);
        creditService = start(CreditServiceApplication.class, CreditServiceApplication.CONFIG_NAME);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (var ctx : List.of(creditService, noticeService, caseService)) {
                ctx.close();
            }
        }, "running-system-stop"));
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    List<ConfigurableApplicationContext> services() {
        return List.of(caseService, noticeService, creditService);
    }

    static String group(String configName) {
        return configName + "-" + RUN;
    }

    private static ConfigurableApplicationContext start(Class<?> app, String configName) {
        var infra = TestInfrastructure.get();
        return new SpringApplicationBuilder(app, FixedClock.class)
                .properties("spring.config.name=" + configName)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(),
                        "--spring.mongodb.database=" + configName + "-" + RUN,
                        "--spring.kafka.consumer.group-id=" + group(configName)));
    }

    /** The service's HTTP endpoint, with no token yet. */
    static Http http(ConfigurableApplicationContext ctx) {
        return Http.localhost(Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
    }

    /** The walkthrough's decision (docs/examples/decision.json) under another document number. */
    static String example(String documentNumber) {
        try {
            return Files.readString(Path.of("..", "docs", "examples", "decision.json"))
                    .replace("泉环罚〔2026〕58号", documentNumber);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
