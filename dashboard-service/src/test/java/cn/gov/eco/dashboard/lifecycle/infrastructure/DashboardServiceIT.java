package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.dashboard.DashboardServiceApplication;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard as a process against a real broker: it reads what the services would have published, answers by
 * interactive queries to the roles that may see it, exports the annual statistics, and after being stopped with
 * its state deleted, rebuilds the same figures from its changelogs; a second dashboard started late (a new
 * application id) rebuilds them from the public topics alone.
 */
class DashboardServiceIT {

    static final String USCC = Persona.USCC_A;
    static final int CASES = 30;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static Path stateDir;
    static ConfigurableApplicationContext dashboard;

    @Configuration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @BeforeAll
    static void publishTheLifecycles() throws Exception {
        String kafka = TestInfrastructure.get().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            for (var t : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(t.name(), t.partitions(), (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String caseId = "it-" + RUN + "-" + i;
            records.add(TopicEvents.record(EventTypes.PENALTY_DECIDED, caseId, USCC, Map.of()));
            if (i % 2 == 0) {
                records.add(TopicEvents.record(EventTypes.DUAL_DELIVERY_COMPLETED, caseId, USCC, Map.of()));
            }
            if (i % 3 == 0) {
                records.add(TopicEvents.record(EventTypes.PUBLICITY_OPENED, caseId, USCC, Map.of("recordId", caseId)));
            }
            if (i % 5 == 0) {
                records.add(TopicEvents.record(EventTypes.REPAIR_APPLICATION_SUBMITTED, caseId, USCC,
                        Map.of("applicationId", caseId + "-a")));
            }
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (var r : records) {
                producer.send(r).get();
            }
        }
        stateDir = Files.createTempDirectory("dashboard-it-state");
        dashboard = start("dashboard-it-" + RUN, stateDir);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        FileSystemUtils.deleteRecursively(stateDir.toFile());
    }

    static ConfigurableApplicationContext start(String applicationId, Path state) {
        return new SpringApplicationBuilder(DashboardServiceApplication.class, FixedClock.class)
                .properties("spring.config.name=" + DashboardServiceApplication.CONFIG_NAME)
                .run(TestTokens.withServiceArgs("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers(),
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--spring.kafka.streams.state-dir=" + state));
    }

    static Http http(ConfigurableApplicationContext ctx) {
        return new Http("http://localhost:" + ctx.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * The figures, once the dashboard has read every record published for this run: each stage of the funnel holds
     * exactly the cases published for it (the credit events come later than the decisions: they go through the
     * dashboard's repartition topic).
     */
    static JsonNode caughtUp(ConfigurableApplicationContext ctx) {
        var head = http(ctx).as(Persona.AGENCY_HEAD);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                ownCount(head, "DECIDED") == CASES && ownCount(head, "SERVED") == 15
                        && ownCount(head, "PUBLISHED") == 10 && ownCount(head, "REPAIR_APPLIED") == 6);
        return JSON.readTree(head.get("/api/dashboard/figures").body());
    }

    static long ownCount(Http head, String figure) {
        var r = head.get("/api/dashboard/cases?figure=" + figure + "&limit=1000");
        return r.statusCode() == 200 ? ownCases(JSON.readTree(r.body())) : -1;
    }

    static long ownCases(JsonNode list) {
        long n = 0;
        for (JsonNode row : list.path("rows")) {
            if (row.path("caseId").asString().startsWith("it-" + RUN + "-")) {
                n++;
            }
        }
        return n;
    }

    static long own(ConfigurableApplicationContext ctx, String figure) {
        var r = http(ctx).as(Persona.AGENCY_HEAD).get("/api/dashboard/cases?figure=" + figure + "&limit=1000");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ownCases(JSON.readTree(r.body()));
    }

    @Test
    void shouldShowTheFunnelOfWhatThePublicTopicsCarry() {
        caughtUp(dashboard);

        assertThat(own(dashboard, "DECIDED")).isEqualTo(CASES);
        assertThat(own(dashboard, "SERVED")).isEqualTo(15);
        assertThat(own(dashboard, "PUBLISHED")).isEqualTo(10);
        assertThat(own(dashboard, "REPAIR_APPLIED")).isEqualTo(6);
    }

    @Test
    void shouldAnswerTheAgencyHeadTheAuditorAndTheDashboardClientOnly() {
        caughtUp(dashboard);
        var http = http(dashboard);

        assertThat(http.as(Persona.AUDITOR).get("/api/dashboard/funnel").statusCode()).isEqualTo(200);
        assertThat(http.as(Persona.DASHBOARD).get("/api/dashboard/funnel").statusCode()).isEqualTo(200);
        assertThat(http.as(Persona.OFFICER_LIN).get("/api/dashboard/funnel").statusCode()).isEqualTo(403);
        assertThat(http.as(Persona.ENTERPRISE_A).get("/api/dashboard/funnel").statusCode()).isEqualTo(403);
        assertThat(http.anonymous().get("/api/dashboard/funnel").statusCode()).isEqualTo(401);
        // the page itself carries no data and is served without a token
        assertThat(http.anonymous().get("/dashboard/index.html").statusCode()).isEqualTo(200);
        assertThat(http.anonymous().get("/dashboard/").body()).contains("数据看板");
        // ready: the topology runs and its stores answer
        var readiness = http.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldRefuseABadPeriodNamingTheField() {
        var r = http(dashboard).as(Persona.AGENCY_HEAD).get("/api/dashboard/figures?from=2026-13-01&to=2026-01-01");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"from\"").contains("DATE_FORMAT").contains("日期格式");
        assertThat(http(dashboard).as(Persona.AGENCY_HEAD).get("/api/dashboard/cases?figure=NOPE").statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldExportTheAnnualStatisticsAsASpreadsheet() throws Exception {
        JsonNode figures = caughtUp(dashboard);
        long decided = figures.path("funnel").path("decided").asLong();
        var r = http(dashboard).as(Persona.AGENCY_HEAD).getBytes("/api/dashboard/annual.xlsx?year=2026");

        assertThat(r.statusCode()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            var sheet = book.getSheetAt(0);
            double decisions = -1;
            for (var row : sheet) {
                if (row.getCell(0).getStringCellValue().equals("行政处罚决定数")) {
                    decisions = row.getCell(2).getNumericCellValue();
                }
            }
            // every sample decision is dated 2026-11-20
            assertThat((long) decisions).isEqualTo(decided);
        }
        var csv = http(dashboard).as(Persona.AGENCY_HEAD).get("/api/dashboard/annual.csv?year=2026");
        assertThat(csv.body()).contains("行政处罚决定数,penalty decisions," + decided);
    }

    @Test
    void shouldShowTheSameFiguresAfterItsStateIsDeletedAndWhenStartedLate() {
        JsonNode before = caughtUp(dashboard);

        dashboard.close();
        FileSystemUtils.deleteRecursively(stateDir.toFile());
        dashboard = start("dashboard-it-" + RUN, stateDir);
        JsonNode restored = caughtUp(dashboard);
        assertThat(restored).isEqualTo(before);

        Path lateState = stateDir.resolveSibling(stateDir.getFileName() + "-late");
        var late = start("dashboard-it-late-" + RUN, lateState);
        try {
            assertThat(caughtUp(late)).isEqualTo(before);
        } finally {
            late.close();
            FileSystemUtils.deleteRecursively(lateState.toFile());
        }
    }
}
