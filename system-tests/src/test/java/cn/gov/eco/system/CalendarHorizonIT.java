package cn.gov.eco.system;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.enforcement.execution.application.ExecutionService;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.SettableClock;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle past the last official calendar year (issue 14): with the services' clock at 2026-12-28 and at
 * 2027-12-28, a decision of that day is served with both documents, its publicity record opens, its payment falls due
 * and a reminder is served. Every working-day date on the way rests on a provisional year and says so; nothing lands
 * on a dead-letter topic.
 */
class CalendarHorizonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USCC = Persona.USCC_A;

    static boolean provisional(JsonNode explained) {
        return explained.at("/derivation/provisional").asBoolean();
    }

    @ParameterizedTest(name = "services'' clock at {0}")
    @ValueSource(strings = {"2026-12-28", "2027-12-28"})
    void shouldCompleteTheLifecycleOnProvisionalYearsWithNothingDeadLettered(String day) throws Exception {
        LocalDate today = LocalDate.parse(day);
        int nextYear = today.getYear() + 1;
        var clock = SettableClock.at(today); // moved forward by the test: the due date must pass before a reminder
        List<String> topics = Stream.concat(Topics.ALL.stream().map(Topic::name),
                Topics.ALL.stream().map(Topic::deadLetterTopic)).toList();
        try (var system = RunningSystem.startAt(clock);
             var probe = new TopicProbe(system.kafka, topics)) {
            Http officer = RunningSystem.http(system.caseService).as(Persona.OFFICER_LIN);
            String number = "泉环罚〔" + today.getYear() + "〕" + (900 + today.getYear() % 100) + "号";
            var posted = officer.postJson("/api/cases/decisions",
                    RunningSystem.example(number).replace("\"2026-11-20\"", "\"" + day + "\""));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            String caseId = JSON.readTree(posted.body()).get("caseId").asString();

            // decision → both documents served in one act (T2 serve-by counted into the provisional next year)
            Http notice = RunningSystem.http(system.noticeService).as(Persona.OFFICER_LIN);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                var r = notice.get("/api/deliveries/" + caseId);
                return r.statusCode() == 200 && JSON.readTree(r.body()).get("served").asBoolean();
            });
            JsonNode delivery = JSON.readTree(notice.get("/api/deliveries/" + caseId).body());
            assertThat(delivery.get("conforming").asBoolean()).isTrue();
            assertThat(delivery.get("documents").size()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> !records(probe, Topics.NOTICE_DELIVERY.name(), caseId,
                    EventTypes.DUAL_DELIVERY_PREPARED.ceType()).isEmpty());
            JsonNode prepared = JSON.readTree(records(probe, Topics.NOTICE_DELIVERY.name(), caseId,
                    EventTypes.DUAL_DELIVERY_PREPARED.ceType()).getFirst().value());
            JsonNode serveBy = prepared.get("serveBy");
            assertThat(serveBy.get("date").asString()).startsWith(nextYear + "-01-");
            assertThat(provisional(serveBy)).isTrue();
            // the days counted lie in the provisional years (2027-12-29..31 and 2028 for the second run)
            assertThat(serveBy.get("explanationZh").asString()).contains("（按法定节假日推算，国务院")
                    .contains(nextYear + "年放假安排").endsWith("放假安排公布后将重新核定）");
            assertThat(serveBy.at("/derivation/provisionalYears").valueStream().map(JsonNode::asInt)).contains(nextYear);

            // publicity: the record opens (month counts, no holiday table needed)
            Http credit = RunningSystem.http(system.creditService).as(Persona.OFFICER_LIN);
            await().atMost(Duration.ofSeconds(90)).until(() -> JSON.readTree(credit.get("/api/enterprises/" + USCC
                    + "/publicity-records").body()).get("records").valueStream()
                    .anyMatch(r -> r.get("caseId").asString().equals(caseId)));

            // payment due: day 15 after service lies in the provisional next year, flagged
            await().atMost(Duration.ofSeconds(60)).until(() -> officer.get("/api/cases/" + caseId + "/execution")
                    .statusCode() == 200);
            JsonNode execution = JSON.readTree(officer.get("/api/cases/" + caseId + "/execution").body());
            JsonNode due = execution.get("dueDate");
            LocalDate dueDate = LocalDate.parse(due.get("date").asString());
            assertThat(dueDate.getYear()).isEqualTo(nextYear);
            assertThat(provisional(due)).isTrue();

            // the due date passes; the enterprise has not paid; a reminder (催告书) is served
            clock.set(dueDate.plusDays(3));
            assertThat(system.caseService.getBean(ExecutionService.class).markOverdue()).isGreaterThanOrEqualTo(1);
            var reminded = officer.postJson("/api/cases/" + caseId + "/execution/reminder", "{\"servedDate\":\""
                    + dueDate.plusDays(2) + "\",\"documentNumber\":\"泉环催〔" + nextYear + "〕1号\"}");
            assertThat(reminded.statusCode()).as(reminded.body()).isEqualTo(200);
            JsonNode reminder = JSON.readTree(reminded.body());
            assertThat(reminder.get("state").asString()).isEqualTo("REMINDER_SERVED");
            assertThat(reminder.at("/reminder/reminderPeriodEnd/date").asString()).startsWith(Integer.toString(nextYear));
            await().atMost(Duration.ofSeconds(30)).until(() -> !records(probe, Topics.ENFORCEMENT_CASE.name(), caseId,
                    EventTypes.REMINDER_SERVED.ceType()).isEmpty());

            // nothing of this case on any dead-letter topic
            assertThat(probe.poll().stream().filter(r -> r.topic().endsWith(".dlt"))
                    .filter(r -> caseId.equals(r.key()) || new String(r.value(), StandardCharsets.UTF_8).contains(caseId)))
                    .as("dead-lettered records of " + caseId).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void shouldAnswerTheCalendarAndRegisterOldDecisionsThroughTheGateway() throws Exception {
        var system = RunningSystem.get();
        Http gateway = Http.localhost(system.gatewayPort);
        // the public read-only calendar API, for any signed-in role and the dashboard client
        var t2 = gateway.as(Persona.DASHBOARD).get("/api/calendar/deadlines?rule=T2&from=2026-12-28");
        assertThat(t2.statusCode()).as(t2.body()).isEqualTo(200);
        JsonNode d = JSON.readTree(t2.body());
        assertThat(d.get("date").asString()).isEqualTo("2027-01-07");
        assertThat(d.get("provisional").asBoolean()).isTrue();
        var years = gateway.as(Persona.ENTERPRISE_B).get("/api/calendar/years");
        assertThat(years.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(years.body()).get("years").valueStream()
                .filter(y -> y.get("year").asInt() == 2019).findFirst().orElseThrow().get("sourceDocumentId").asString())
                .startsWith("国办发明电〔2018〕15号");
        assertThat(gateway.anonymous().get("/api/calendar/years").statusCode()).isEqualTo(401);

        // 存量案件录入: general-tier decisions of 2019 and 2024 register through the gateway
        for (String[] c : new String[][] {{"泉环罚〔2019〕77号", "2019-06-11"}, {"泉环罚〔2024〕78号", "2024-03-08"}}) {
            var posted = gateway.as(Persona.OFFICER_LIN).postJson("/api/cases/decisions",
                    RunningSystem.example(c[0]).replace("\"2026-11-20\"", "\"" + c[1] + "\""));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            assertThat(JSON.readTree(posted.body()).at("/decision/decisionDate").asString()).isEqualTo(c[1]);
        }
    }

    static List<ConsumerRecord<String, byte[]>> records(TopicProbe probe, String topic, String key, String ceType) {
        return probe.poll().stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())
                && ceType.equals(TopicProbe.header(r, "ce_type"))).toList();
    }
}
