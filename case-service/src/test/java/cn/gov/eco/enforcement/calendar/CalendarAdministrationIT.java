package cn.gov.eco.enforcement.calendar;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.enforcement.decision.DecisionRecordingIT;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calendar administration against a real broker and MongoDB: a year's table is loaded by one calendar
 * administrator, approved by another, published on {@code calendar.v1} and loaded by the service (and by a service
 * started afterwards). The table is for 2035 and MADE UP (bridging days and 调休 invented), so that the other tests
 * on the same broker, which expect 2027 to be provisional, are not affected.
 */
class CalendarAdministrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static TopicProbe probe;

    /** MADE UP: not a State Council notice. Statutory days of Order 795 for 2035 plus invented bridging days. */
    static final String MADE_UP_2035 = """
            {"year": 2035,
             "source": {"documentId": "TEST-FIXTURE-2035（虚构）", "title": "made-up 2035 table for tests only",
                        "issuedOn": "2034-11-01", "url": "https://example.invalid/2035"},
             "holidays": [
               {"from": "2035-01-01", "to": "2035-01-01", "nameZh": "元旦", "nameEn": "New Year's Day"},
               {"from": "2035-02-07", "to": "2035-02-13", "nameZh": "春节", "nameEn": "Spring Festival"},
               {"from": "2035-04-05", "to": "2035-04-07", "nameZh": "清明节", "nameEn": "Qingming Festival"},
               {"from": "2035-05-01", "to": "2035-05-05", "nameZh": "劳动节", "nameEn": "Labour Day"},
               {"from": "2035-06-10", "to": "2035-06-10", "nameZh": "端午节", "nameEn": "Dragon Boat Festival"},
               {"from": "2035-09-16", "to": "2035-09-16", "nameZh": "中秋节", "nameEn": "Mid-Autumn Festival"},
               {"from": "2035-10-01", "to": "2035-10-07", "nameZh": "国庆节", "nameEn": "National Day"}],
             "adjustedWorkdays": [
               {"date": "2035-02-04", "holidayNameZh": "春节", "holidayNameEn": "Spring Festival"},
               {"date": "2035-02-17", "holidayNameZh": "春节", "holidayNameEn": "Spring Festival"},
               {"date": "2035-04-08", "holidayNameZh": "清明节", "holidayNameEn": "Qingming Festival"},
               {"date": "2035-09-30", "holidayNameZh": "国庆节", "holidayNameEn": "National Day"},
               {"date": "2035-10-13", "holidayNameZh": "国庆节", "holidayNameEn": "National Day"}]}
            """;

    @BeforeAll
    static void startService() {
        app = DecisionRecordingIT.start("case-calendar-it-" + UUID.randomUUID());
        http = Http.localhost(DecisionRecordingIT.port(app)).as(Persona.CALENDAR_ADMIN);
        probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), List.of(Topics.CALENDAR.name()));
    }

    @AfterAll
    static void stop() {
        probe.close();
        if (app != null) {
            app.close();
        }
    }

    static JsonNode deadline(Http as, String rule, String from) {
        var r = as.get("/api/calendar/deadlines?rule=" + rule + "&from=" + from);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void shouldLoadAYearOnlyAfterASecondAdministratorApprovesItAndPublishItToEveryService() throws Exception {
        // before: 2035 is provisional (statutory 春节 02-07..02-10 only) and says so
        JsonNode before = deadline(http.as(Persona.DASHBOARD), "T2", "2035-02-05");
        assertThat(before.get("date").asString()).isEqualTo("2035-02-19");
        assertThat(before.get("provisional").asBoolean()).isTrue();
        assertThat(before.at("/explained/explanationZh").asString())
                .endsWith("（按法定节假日推算，国务院2035年放假安排公布后将重新核定）");

        // an officer may not load a table; the administrator who loaded it may not approve it
        assertThat(http.as(Persona.OFFICER_LIN).postJson("/api/calendar/years", MADE_UP_2035).statusCode()).isEqualTo(403);
        var proposed = http.postJson("/api/calendar/years", MADE_UP_2035);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        JsonNode p = JSON.readTree(proposed.body());
        assertThat(p.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(p.at("/proposedBy/userId").asString()).isEqualTo("calendar-admin");
        var self = http.postJson("/api/calendar/years/2035/versions/1/approval", "{}");
        assertThat(self.statusCode()).as(self.body()).isEqualTo(422);
        assertThat(self.body()).contains("FOUR_EYES");
        // not in effect while waiting
        assertThat(deadline(http, "T2", "2035-02-05").get("provisional").asBoolean()).isTrue();

        var approved = http.as(Persona.CALENDAR_ADMIN_2).postJson("/api/calendar/years/2035/versions/1/approval", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(approved.body());
        assertThat(a.get("status").asString()).isEqualTo("APPROVED");
        assertThat(a.at("/approvedBy/userId").asString()).isEqualTo("calendar-admin-2");
        assertThat(a.get("approvedAt").asString()).isNotBlank();
        assertThat(http.as(Persona.CALENDAR_ADMIN_2).postJson("/api/calendar/years/2035/versions/1/approval", "{}")
                .statusCode()).isEqualTo(409);

        // published on calendar.v1, keyed by the year, valid against its schema, with who proposed and approved it
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.poll().stream().anyMatch(r -> "2035".equals(r.key())));
        var record = probe.poll().stream().filter(r -> "2035".equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventTypes.CALENDAR_REVISED.ceType());
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(EventTypes.CALENDAR_REVISED, payload)).isEmpty();
        JsonNode event = JSON.readTree(payload);
        assertThat(event.at("/source/documentId").asString()).isEqualTo("TEST-FIXTURE-2035（虚构）");
        assertThat(event.at("/proposedBy/userId").asString()).isEqualTo("calendar-admin");
        assertThat(event.at("/approvedBy/userId").asString()).isEqualTo("calendar-admin-2");

        // the service loaded it from the topic: 春节 now 02-07..02-13, Sat 02-17 worked
        await().atMost(Duration.ofSeconds(20)).until(() -> !deadline(http, "T2", "2035-02-05").get("provisional").asBoolean());
        JsonNode after = deadline(http.as(Persona.ENTERPRISE_A), "T2", "2035-02-05");
        assertThat(after.get("date").asString()).isEqualTo("2035-02-20");
        assertThat(after.get("calendarVersion").asString()).endsWith("+2035v1");
        JsonNode years = JSON.readTree(http.as(Persona.AUDITOR).get("/api/calendar/years").body());
        JsonNode y2035 = years.get("years").valueStream().filter(y -> y.get("year").asInt() == 2035).findFirst().orElseThrow();
        assertThat(y2035.get("official").asBoolean()).isTrue();
        assertThat(y2035.get("sourceDocumentId").asString()).isEqualTo("TEST-FIXTURE-2035（虚构）");
        assertThat(y2035.get("sourceTitle").asString()).contains("calendar-admin-2");

        // a service started afterwards (another database) replays calendar.v1 at start and knows 2035
        var later = DecisionRecordingIT.start("case-calendar-later-" + UUID.randomUUID());
        try {
            Http laterHttp = Http.localhost(DecisionRecordingIT.port(later)).as(Persona.OFFICER_LIN);
            await().atMost(Duration.ofSeconds(30)).until(() -> "2035-02-20".equals(
                    deadline(laterHttp, "T2", "2035-02-05").get("date").asString()));
        } finally {
            later.close();
        }
    }

    @Test
    void shouldRefuseAMistypedTableNamingTheFieldAndTheRuleAndStoreNothing() throws Exception {
        String noNationalDay = MADE_UP_2035.replace("{\"from\": \"2035-10-01\", \"to\": \"2035-10-07\"",
                "{\"from\": \"2035-10-04\", \"to\": \"2035-10-07\"");
        var missing = http.postJson("/api/calendar/years", noNationalDay);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(missing.body()).contains("STATUTORY_HOLIDAY_MISSING").contains("2035-10-01");

        var weekday = http.postJson("/api/calendar/years", MADE_UP_2035.replace("\"2035-02-04\"", "\"2035-02-09\""));
        assertThat(weekday.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(weekday.body());
        assertThat(problem.get("violations").valueStream().map(v -> v.get("field").asString()))
                .contains("adjustedWorkdays[0].date");

        var noSource = http.postJson("/api/calendar/years", "{\"year\": 2032, \"holidays\": []}");
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(noSource.body()).contains("source.documentId").contains("holidays");

        JsonNode years = JSON.readTree(http.get("/api/calendar/years").body());
        assertThat(years.get("proposals").valueStream().map(y -> y.get("year").asInt())).doesNotContain(2032);
        assertThat(years.get("proposals").valueStream().filter(y -> y.get("year").asInt() == 2035)).hasSizeLessThanOrEqualTo(1);

        var unknownRule = http.get("/api/calendar/deadlines?rule=T99&from=2026-12-28");
        assertThat(unknownRule.statusCode()).isEqualTo(400);
        assertThat(unknownRule.body()).contains("\"rule\"").contains("UNKNOWN_RULE");
        var badDate = http.get("/api/calendar/deadlines?rule=T2&from=28.12.2026");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("INVALID_DATE");
    }

    @Test
    void shouldAnswerT2From2026_12_28WithAProvisional2027Date() throws Exception {
        JsonNode d = deadline(http.as(Persona.DASHBOARD), "T2", "2026-12-28");
        assertThat(d.get("date").asString()).isEqualTo("2027-01-07");
        assertThat(d.get("provisional").asBoolean()).isTrue();
        assertThat(d.at("/explained/derivation/provisionalYears/0").asInt()).isEqualTo(2027);
    }
}
