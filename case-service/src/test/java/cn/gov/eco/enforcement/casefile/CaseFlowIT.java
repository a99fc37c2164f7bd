package cn.gov.eco.enforcement.casefile;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.enforcement.casefile.application.DocumentNumbers;
import cn.gov.eco.enforcement.casefile.infrastructure.CaseFileRepository;
import cn.gov.eco.enforcement.casefile.infrastructure.MongoDocumentNumbers;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.decision.DecisionRecordingIT;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import cn.gov.eco.testsupport.TestInfrastructure;
import cn.gov.eco.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The case from lead to decision through the REST API of case-service, against a real Kafka broker and MongoDB wire
 * server: every gate, the windows, separation of duties, document numbers, the hash-chained record, the events and
 * an optimistic-lock conflict. The clock stands at 2026-11-23 (Asia/Shanghai).
 */
class CaseFlowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = "case-flow-it-" + UUID.randomUUID();
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static TopicProbe probe;

    @BeforeAll
    static void startService() {
        app = DecisionRecordingIT.start(DATABASE);
        http = Http.localhost(DecisionRecordingIT.port(app));
        probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), List.of(Topics.ENFORCEMENT_CASE.name()));
    }

    @AfterAll
    static void stop() {
        probe.close();
        if (app != null) {
            app.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    static JsonNode problem(HttpResponse<String> r, int status, String rule) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        if (p.has("rule")) {
            assertThat(p.get("rule").asString()).as(r.body()).isEqualTo(rule);
        } else {
            assertThat(p.get("violations").valueStream().map(v -> v.get("rule").asString())).as(r.body()).contains(rule);
        }
        assertThat(p.get("titleZh").asString()).isNotBlank();
        return p;
    }

    static HttpResponse<String> post(Persona who, String caseId, String step, String json) {
        return http.as(who).postJson("/api/cases/" + caseId + "/" + step, json);
    }

    static JsonNode file(String caseId) {
        return ok(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/file"));
    }

    static String lead(String uscc, String received, String violation) {
        return ok(http.as(Persona.OFFICER_LIN).postJson("/api/cases", """
                {"party":{"uscc":"%s","name":"泉州市清源化工有限公司","address":"福建省泉州市丰泽区东海街道滨海路88号",
                 "legalRepresentative":"陈建国"},"receivedDate":"%s","source":"群众举报","summary":"废气处理设施未正常运行",
                 "violationDate":"%s","coInvestigator":"officer-chen"}""".formatted(uscc, received, violation)))
                .get("caseId").asString();
    }

    /** A filed case with one evidence record: filed 2026-09-01, so the 90-day limit ends 2026-11-30. */
    static String filedCase() {
        String caseId = lead(Persona.USCC_A, "2026-08-31", "2026-08-20");
        ok(post(Persona.AGENCY_HEAD, caseId, "filing", "{\"decision\":\"FILE\",\"date\":\"2026-09-01\"}"));
        ok(post(Persona.OFFICER_LIN, caseId, "evidence", """
                {"kind":"监测报告","description":"泉州市环境监测站监测报告","collectedDate":"2026-09-05","reference":"泉环监〔2026〕77号"}"""));
        return caseId;
    }

    static String proposal(String amount) {
        return """
                {"kind":"PENALTY","penalties":[{"type":"FINE","amount":%s}],"severityTier":"GENERAL",
                 "facts":"颗粒物排放浓度超过排放限值","violatedProvision":"《中华人民共和国大气污染防治法》第十八条",
                 "penaltyBasisProvision":"《中华人民共和国大气污染防治法》第九十九条第二项","date":"2026-10-09"}""".formatted(amount);
    }

    /** A filed case whose fine proposal passed case review (2026-10-12), ready for the pre-penalty notice. */
    static String reviewedCase(String amount) {
        String caseId = filedCase();
        ok(post(Persona.OFFICER_LIN, caseId, "review-submission", proposal(amount)));
        ok(post(Persona.CASE_REVIEWER, caseId, "case-review", "{\"outcome\":\"APPROVE\",\"date\":\"2026-10-12\"}"));
        return caseId;
    }

    static List<ConsumerRecord<String, byte[]>> recordsFor(String caseId) {
        return probe.poll().stream().filter(r -> caseId.equals(r.key())).toList();
    }

    static List<String> typesFor(String caseId) {
        return recordsFor(caseId).stream().map(r -> TopicProbe.header(r, "ce_type")
                .replace("cn.gov.eco.enforcement.", "").replace(".v1", "")).toList();
    }

    // ------------------------------------------------------------------ the full flow

    @Test
    void shouldTakeACaseFromLeadToDecisionThroughHearingLegalReviewAndCollectiveDiscussion() {
        String caseId = reviewedCase("600000");
        JsonNode served = ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        assertThat(served.at("/file/preNotice/number").asString()).matches("泉环罚告〔2026〕[1-9]\\d*号");
        assertThat(served.at("/file/preNotice/hearingRightOffered").asBoolean()).isTrue();
        assertThat(served.at("/deadlines/hearingRequestWindowEnd/date").asString()).isEqualTo("2026-10-20");
        assertThat(served.at("/deadlines/hearingRequestWindowEnd/explanationZh").asString()).contains("第六十四条");
        assertThat(served.at("/deadlines/decisionDeadline/statutory/date").asString()).isEqualTo("2026-11-30");
        assertThat(served.at("/gates/collectiveDiscussion/0/code").asString()).isEqualTo("FINE_AT_DELIBERATION_THRESHOLD");

        // Art. 62: no decision while the statement and hearing windows are open
        problem(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-10-15\"}"), 422,
                "DECISION_BEFORE_WINDOW_ENDS");
        // the other enterprise cannot ask for a hearing in this case; the party can, within 5 working days
        assertThat(post(Persona.ENTERPRISE_B, caseId, "hearing-request", "{\"requestedDate\":\"2026-10-16\"}")
                .statusCode()).isEqualTo(403);
        ok(post(Persona.ENTERPRISE_A, caseId, "hearing-request", "{\"requestedDate\":\"2026-10-16\"}"));

        // scenario 15 on 2026 dates: a hearing on 2026-11-05 must be notified by 2026-10-27
        JsonNode late = problem(post(Persona.OFFICER_LIN, caseId, "hearing-schedule",
                "{\"hearingDate\":\"2026-11-05\",\"noticeDate\":\"2026-10-28\",\"hostId\":\"hearing-host\"}"), 422,
                "HEARING_NOTICE_TOO_LATE");
        assertThat(late.get("detailZh").asString()).contains("2026-10-27", "七个工作日");
        problem(post(Persona.OFFICER_LIN, caseId, "hearing-schedule",
                "{\"hearingDate\":\"2026-11-05\",\"noticeDate\":\"2026-10-27\",\"hostId\":\"officer-chen\"}"), 422,
                "SEPARATION_OF_DUTIES");
        JsonNode scheduled = ok(post(Persona.OFFICER_LIN, caseId, "hearing-schedule",
                "{\"hearingDate\":\"2026-11-05\",\"noticeDate\":\"2026-10-27\",\"hostId\":\"hearing-host\"}"));
        assertThat(scheduled.at("/file/hearing/noticeNumber").asString()).matches("泉环罚听〔2026〕[1-9]\\d*号");
        assertThat(scheduled.at("/deadlines/latestHearingNotice/date").asString()).isEqualTo("2026-10-27");
        ok(post(Persona.HEARING_HOST, caseId, "hearing-record",
                "{\"heldDate\":\"2026-11-05\",\"partyAppeared\":true,\"transcriptReference\":\"听证笔录 2026-11-05\"}"));

        // Art. 58: the hearing makes legal review mandatory
        JsonNode gate = problem(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-11-06\"}"), 422,
                "LEGAL_REVIEW_REQUIRED");
        assertThat(gate.get("detailZh").asString()).contains("第五十八条", "经过听证程序");
        ok(post(Persona.OFFICER_LIN, caseId, "legal-review-request", "{\"date\":\"2026-11-06\"}"));
        JsonNode queue = ok(http.as(Persona.LEGAL_REVIEWER).get("/api/cases/legal-reviews"));
        assertThat(queue.valueStream().map(n -> n.get("caseId").asString())).contains(caseId);
        // a first-time reviewer without the legal qualification may not review (Art. 58(2))
        JsonNode unqualified = JSON.readTree(post(Persona.LEGAL_TRAINEE, caseId, "legal-review",
                "{\"outcome\":\"PASS\",\"date\":\"2026-11-09\"}").body());
        assertThat(unqualified.get("rule").asString()).isEqualTo("LEGAL_QUALIFICATION");
        ok(post(Persona.LEGAL_REVIEWER, caseId, "legal-review",
                "{\"outcome\":\"PASS\",\"opinion\":\"事实清楚，证据确凿，程序合法\",\"date\":\"2026-11-09\"}"));

        // Art. 57(2): 600,000 needs the heads' collective discussion with minutes
        problem(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-11-10\"}"), 422,
                "COLLECTIVE_DISCUSSION_REQUIRED");
        ok(post(Persona.AGENCY_HEAD, caseId, "deliberation", """
                {"meetingDate":"2026-11-10","participants":["郑局长","副局长甲","副局长乙"],"conclusion":"同意按拟处罚意见决定",
                 "minutesReference":"集体讨论记录〔2026〕12号"}"""));
        JsonNode decided = ok(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-11-11\"}"));
        assertThat(decided.get("state").asString()).isEqualTo("DECIDED");
        String number = decided.at("/file/outcome/number").asString();
        assertThat(number).matches("泉环罚〔2026〕[1-9]\\d*号");

        // the case reads back as any decided case, with the same decision document
        JsonNode read = ok(http.as(Persona.ENTERPRISE_A).get("/api/cases/" + caseId));
        assertThat(read.get("state").asString()).isEqualTo("DECIDED");
        assertThat(read.at("/decision/documentNumber").asString()).isEqualTo(number);
        assertThat(read.at("/decision/penalties/0/amount").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(read.at("/decision/evidence/0").asString()).isEqualTo("泉州市环境监测站监测报告");

        // every step in the hash-chained full-process record, intact
        JsonNode record = ok(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record"));
        assertThat(record.at("/verification/intact").asBoolean()).isTrue();
        assertThat(record.get("entries").valueStream().map(e -> e.get("action").asString())).containsExactly(
                "LEAD_REGISTERED", "CASE_FILED", "EVIDENCE_RECORDED", "SUBMITTED_FOR_CASE_REVIEW",
                "CASE_REVIEW_APPROVED", "PRE_NOTICE_SERVED", "HEARING_REQUESTED", "HEARING_SCHEDULED", "HEARING_HELD",
                "LEGAL_REVIEW_REQUESTED", "LEGAL_REVIEW_PASSED", "DELIBERATION_CONCLUDED", "PENALTY_DECIDED");
        assertThat(record.at("/entries/12/actor/userId").asString()).isEqualTo("agency-head");
        assertThat(record.at("/entries/12/documents/0").asString()).isEqualTo(number);

        // the events, in order, each valid against its schema; PenaltyDecided as notice- and credit-service know it
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 8);
        assertThat(typesFor(caseId)).containsExactly("CaseFiled", "PreNoticeServed", "HearingRequested", "HearingHeld",
                "LegalReviewRequested", "LegalReviewPassed", "DeliberationConcluded", "PenaltyDecided");
        var schemas = new EventSchemas();
        long previous = 0;
        for (var r : recordsFor(caseId)) {
            var type = Topics.eventType(TopicProbe.header(r, "ce_type")).orElseThrow();
            String payload = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(schemas.errors(type, payload)).as(payload).isEmpty();
            long seq = Long.parseLong(TopicProbe.header(r, "ce_sequence"));
            assertThat(seq).isGreaterThan(previous);
            previous = seq;
        }
        JsonNode penalty = JSON.readTree(recordsFor(caseId).getLast().value());
        assertThat(penalty.get("documentNumber").asString()).isEqualTo(number);
        assertThat(penalty.get("totalFine").asString()).isEqualTo("600000.00");
        assertThat(penalty.get("decisionDate").asString()).isEqualTo("2026-11-11");

        // decided: nothing before the decision can happen any more
        problem(post(Persona.OFFICER_LIN, caseId, "evidence",
                "{\"kind\":\"笔录\",\"description\":\"补充\",\"collectedDate\":\"2026-11-12\"}"), 409, "ILLEGAL_TRANSITION");
    }

    @Test
    void scenario16_shouldOfferNoHearingBelowTheThresholdAndRefuseADecisionRaisedAboveItWithoutOne() {
        String caseId = reviewedCase("199999");
        JsonNode served = ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        assertThat(served.at("/file/preNotice/hearingRightOffered").asBoolean()).isFalse();
        problem(post(Persona.ENTERPRISE_A, caseId, "hearing-request", "{\"requestedDate\":\"2026-10-14\"}"), 422,
                "HEARING_RIGHT_NOT_APPLICABLE");
        JsonNode gate = problem(post(Persona.AGENCY_HEAD, caseId, "decision",
                "{\"decisionDate\":\"2026-10-26\",\"penalties\":[{\"type\":\"FINE\",\"amount\":200000}]}"), 422,
                "HEARING_RIGHT_NOT_OFFERED");
        assertThat(gate.get("detail").asString()).contains("Art. 63");
        // the proposal as reviewed (199,999) passes: no hearing owed, windows over, below every threshold
        JsonNode decided = ok(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-10-26\"}"));
        assertThat(decided.get("state").asString()).isEqualTo("DECIDED");
    }

    @Test
    void shouldLetThePartyWaiveTheWindowsAndThenDecideBeforeTheyWouldHaveEnded() {
        String caseId = reviewedCase("150000");
        ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        ok(post(Persona.ENTERPRISE_A, caseId, "statements", "{\"receivedDate\":\"2026-10-14\",\"summary\":\"已整改完毕\"}"));
        problem(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-10-15\"}"), 422,
                "DECISION_BEFORE_WINDOW_ENDS");
        ok(post(Persona.ENTERPRISE_A, caseId, "waiver", "{\"statementsWaived\":true,\"date\":\"2026-10-15\"}"));
        // the investigator may not approve his own case
        assertThat(post(Persona.OFFICER_LIN, caseId, "decision", "{\"decisionDate\":\"2026-10-15\"}").statusCode())
                .isEqualTo(403);
        assertThat(ok(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-10-15\"}"))
                .get("state").asString()).isEqualTo("DECIDED");
    }

    @Test
    void shouldMoveTheCaseLimitByExcludedPeriodsAndApprovedExtensionsWithExplainedDates() {
        String caseId = reviewedCase("150000");
        ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        // filed 2026-09-01: 90 days end 2026-11-30; ten excluded days move it to 2026-12-10; the head's 30 days further
        JsonNode withPeriod = ok(post(Persona.OFFICER_LIN, caseId, "excluded-periods",
                "{\"from\":\"2026-09-10\",\"to\":\"2026-09-19\",\"reason\":\"委托鉴定\"}"));
        assertThat(withPeriod.at("/deadlines/decisionDeadline/effective/date").asString()).isEqualTo("2026-12-10");
        JsonNode extended = ok(post(Persona.AGENCY_HEAD, caseId, "extensions",
                "{\"approvedDate\":\"2026-11-20\",\"reason\":\"案情复杂\"}"));
        assertThat(extended.at("/deadlines/decisionDeadline/extended/date").asString()).isEqualTo("2026-12-30");
        assertThat(extended.at("/deadlines/decisionDeadline/effective/date").asString()).isEqualTo("2027-01-09");
        assertThat(extended.at("/deadlines/decisionDeadline/statutory/explanationZh").asString()).contains("第六十条");
    }

    @Test
    void shouldRefuseTheDecisionWhenTheCaseLimitHasRunOut() {
        // filed 2026-08-10: the 90 days end 2026-11-08
        String caseId = lead(Persona.USCC_A, "2026-08-05", "2026-08-01");
        ok(post(Persona.AGENCY_HEAD, caseId, "filing", "{\"decision\":\"FILE\",\"date\":\"2026-08-10\"}"));
        ok(post(Persona.OFFICER_LIN, caseId, "evidence",
                "{\"kind\":\"笔录\",\"description\":\"现场检查笔录\",\"collectedDate\":\"2026-08-11\"}"));
        ok(post(Persona.OFFICER_LIN, caseId, "review-submission", proposal("150000")));
        ok(post(Persona.CASE_REVIEWER, caseId, "case-review", "{\"outcome\":\"APPROVE\",\"date\":\"2026-10-12\"}"));
        ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        JsonNode p = problem(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-11-10\"}"), 422,
                "CASE_TIME_LIMIT_EXCEEDED");
        assertThat(p.get("detailZh").asString()).contains("2026-11-08", "第六十条");
    }

    @Test
    void shouldDecideNoPenaltyOnlyWithTheEducationStepAndCloseTheCaseWithoutCreditConsequence() throws Exception {
        String caseId = filedCase();
        ok(post(Persona.OFFICER_LIN, caseId, "review-submission", """
                {"kind":"NO_PENALTY","noPenaltyGround":"FIRST_VIOLATION_MINOR_HARM","facts":"初次违法，危害后果轻微并已及时改正",
                 "violatedProvision":"《中华人民共和国环境影响评价法》第二十五条","date":"2026-10-09"}"""));
        assertThat(ok(post(Persona.CASE_REVIEWER, caseId, "case-review",
                "{\"outcome\":\"APPROVE\",\"date\":\"2026-10-12\"}")).get("state").asString()).isEqualTo("READY_FOR_DECISION");
        problem(post(Persona.AGENCY_HEAD, caseId, "no-penalty-decision",
                "{\"decisionDate\":\"2026-10-13\",\"ground\":\"FIRST_VIOLATION_MINOR_HARM\"}"), 422, "EDUCATION_STEP_REQUIRED");
        JsonNode decided = ok(post(Persona.AGENCY_HEAD, caseId, "no-penalty-decision", """
                {"decisionDate":"2026-10-13","ground":"FIRST_VIOLATION_MINOR_HARM",
                 "educationNote":"2026年10月13日对当事人法定代表人进行了批评教育，讲解了大气污染防治法的规定"}"""));
        assertThat(decided.get("state").asString()).isEqualTo("DECIDED_NO_PENALTY");
        assertThat(decided.at("/file/outcome/number").asString()).matches("泉环不罚〔2026〕[1-9]\\d*号");

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsFor(caseId).size() == 3);
        assertThat(typesFor(caseId)).containsExactly("CaseFiled", "NoPenaltyDecided", "CaseClosed");
        String noPenalty = new String(recordsFor(caseId).get(1).value(), StandardCharsets.UTF_8);
        assertThat(new EventSchemas().errors(EventTypes.NO_PENALTY_DECIDED, noPenalty)).isEmpty();
        assertThat(JSON.readTree(noPenalty).get("educationRecorded").asBoolean()).isTrue();
        JsonNode closed = JSON.readTree(recordsFor(caseId).get(2).value());
        assertThat(closed.get("outcome").asString()).isEqualTo("NO_PENALTY");
        // scenario 28: a second similar violation by the same party is no first violation
        String second = filedCase();
        ok(post(Persona.OFFICER_LIN, second, "review-submission", """
                {"kind":"NO_PENALTY","noPenaltyGround":"FIRST_VIOLATION_MINOR_HARM","facts":"再次违法",
                 "violatedProvision":"《中华人民共和国环境影响评价法》第二十五条","date":"2026-10-09"}"""));
        ok(post(Persona.CASE_REVIEWER, second, "case-review", "{\"outcome\":\"APPROVE\",\"date\":\"2026-10-12\"}"));
        problem(post(Persona.AGENCY_HEAD, second, "no-penalty-decision", """
                {"decisionDate":"2026-10-13","ground":"FIRST_VIOLATION_MINOR_HARM","educationNote":"已教育"}"""), 422,
                "NOT_A_FIRST_VIOLATION");
        // the golden sample of contracts is this event as the code writes it
        Path out = Path.of("target", "captured", "NoPenaltyDecided.v1.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(noPenalty)));
    }

    @Test
    void shouldCloseACaseNotFiledTransferredOrCancelledWithCaseClosedAndItsOutcome() {
        String notFiled = lead(Persona.USCC_A, "2026-11-02", "2026-10-30");
        ok(post(Persona.AGENCY_HEAD, notFiled, "filing", "{\"decision\":\"NOT_FILE\",\"date\":\"2026-11-03\",\"reason\":\"不属于本机关管辖\"}"));
        String transferred = filedCase();
        problem(post(Persona.OFFICER_LIN, transferred, "transfer", "{}"), 403, "ROLE_REQUIRED");
        ok(post(Persona.AGENCY_HEAD, transferred, "transfer",
                "{\"date\":\"2026-10-20\",\"receivingOrgan\":\"泉州市公安局\",\"reason\":\"涉嫌污染环境罪\"}"));
        String cancelled = filedCase();
        ok(post(Persona.AGENCY_HEAD, cancelled, "filing-cancellation", "{\"date\":\"2026-10-20\",\"reason\":\"违法事实不能成立\"}"));
        for (var c : List.of(List.of(notFiled, "NOT_FILED"), List.of(transferred, "TRANSFERRED_TO_JUDICIAL"),
                List.of(cancelled, "FILING_CANCELLED"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> typesFor(c.get(0)).contains("CaseClosed"));
            JsonNode closed = JSON.readTree(recordsFor(c.get(0)).getLast().value());
            assertThat(closed.get("outcome").asString()).isEqualTo(c.get(1));
            assertThat(file(c.get(0)).get("state").asString()).isEqualTo(c.get(1));
        }
        // closed is closed
        problem(post(Persona.AGENCY_HEAD, cancelled, "transfer",
                "{\"date\":\"2026-10-21\",\"receivingOrgan\":\"泉州市公安局\"}"), 409, "ILLEGAL_TRANSITION");
    }

    /**
     * 《行政处罚法》第六十四条第一项: a hearing requested after the 5 working days is treated as giving up the hearing
     * (视为放弃) — recorded in the case and in the hash-chained full-process record (who asked, when, why late), and
     * said in the answer; not refused with nothing written.
     */
    @Test
    void shouldRecordALateHearingRequestAsADeemedWaiverOfArticle64() {
        String caseId = reviewedCase("600000");
        ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}")); // window ends 10-20
        JsonNode answer = ok(post(Persona.ENTERPRISE_A, caseId, "hearing-request",
                "{\"requestedDate\":\"2026-10-22\"}"));
        assertThat(answer.get("state").asString()).isEqualTo("PRE_NOTICE_SERVED");
        assertThat(answer.at("/file/waiver/hearingWaived").asBoolean()).isTrue();
        assertThat(answer.at("/file/waiver/recordedBy").asString()).isEqualTo("enterprise-a");
        assertThat(answer.at("/file/waiver/deemedReasonZh").asString())
                .contains("2026-10-22", "2026-10-20", "视为放弃听证", "第六十四条");

        JsonNode record = ok(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record"));
        assertThat(record.at("/verification/intact").asBoolean()).isTrue();
        JsonNode last = record.get("entries").get(record.get("entries").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("HEARING_DEEMED_WAIVED");
        assertThat(last.at("/actor/userId").asString()).isEqualTo("enterprise-a");
        assertThat(last.at("/details/requestedDate").asString()).isEqualTo("2026-10-22");
        assertThat(last.at("/details/windowEnd").asString()).isEqualTo("2026-10-20");
        // no hearing is owed any more: a second request is refused as waived
        problem(post(Persona.ENTERPRISE_A, caseId, "hearing-request", "{\"requestedDate\":\"2026-10-23\"}"), 422,
                "HEARING_WAIVED");
    }

    @Test
    void shouldAnswerAnIllegalTransitionWithProblemJsonNamingTheStateAndChangeNothing() {
        String caseId = lead(Persona.USCC_A, "2026-11-02", "2026-10-30");
        long version = file(caseId).get("version").asLong();
        JsonNode p = problem(post(Persona.ENTERPRISE_A, caseId, "hearing-request", "{\"requestedDate\":\"2026-11-03\"}"),
                409, "ILLEGAL_TRANSITION");
        assertThat(p.get("detailZh").asString()).contains("案件线索");
        problem(post(Persona.AGENCY_HEAD, caseId, "filing", "{\"decision\":\"MAYBE\",\"date\":\"2026-11-03\"}"), 400,
                "UNKNOWN_VALUE");
        assertThat(post(Persona.AGENCY_HEAD, caseId, "filing", "{\"decision\":\"FILE\",\"date\":\"tomorrow\"}")
                .statusCode()).isEqualTo(400);
        problem(post(Persona.AGENCY_HEAD, caseId, "filing", "{\"decision\":\"FILE\",\"date\":\"2026-10-01\"}"), 400,
                "DATE_OUT_OF_ORDER");
        assertThat(file(caseId).get("version").asLong()).isEqualTo(version);
        assertThat(file(caseId).get("state").asString()).isEqualTo("LEAD");
        // a case not yet decided reads back through the case endpoint too, for its own enterprise only
        JsonNode read = ok(http.as(Persona.ENTERPRISE_A).get("/api/cases/" + caseId));
        assertThat(read.get("state").asString()).isEqualTo("LEAD");
        assertThat(read.get("decision").isNull()).isTrue();
        assertThat(http.as(Persona.ENTERPRISE_B).get("/api/cases/" + caseId).statusCode()).isEqualTo(403);
        assertThat(http.as(Persona.ENTERPRISE_B).get("/api/cases/" + caseId + "/file").statusCode()).isEqualTo(403);
        assertThat(http.as(Persona.OFFICER_LIN).postJson("/api/cases", """
                {"party":{"uscc":"91350500MA2Y0001XY","name":"x"},"receivedDate":"2026-11-02","summary":"x"}""")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void shouldLetOneOfTwoConcurrentChangesWinAndAnswerTheOther409WithNothingLost() throws Exception {
        String caseId = filedCase();
        // deterministic: two officers read the same version; the second write is refused
        var repository = app.getBean(CaseFileRepository.class);
        var first = repository.load(caseId).orElseThrow();
        var second = repository.load(caseId).orElseThrow();
        var lin = new ActorRef("officer-lin", "林志远", cn.gov.eco.contracts.identity.Role.OFFICER);
        var chen = new ActorRef("officer-chen", "陈晓东", cn.gov.eco.contracts.identity.Role.OFFICER);
        repository.save(first, first.file().addEvidence(new CaseFile.EvidenceItem("笔录", "询问笔录一",
                LocalDate.parse("2026-09-06"), null, "officer-lin")), lin, java.time.Instant.now(), List.of(), null);
        assertThatThrownBy(() -> repository.save(second, second.file().addEvidence(new CaseFile.EvidenceItem("笔录",
                "询问笔录二", LocalDate.parse("2026-09-06"), null, "officer-chen")), chen, java.time.Instant.now(),
                List.of(), null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.rule()).isEqualTo("CONCURRENT_MODIFICATION"));

        // through HTTP: eight simultaneous evidence records by the two officers; every answer is 200 or 409
        var start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                Persona who = i % 2 == 0 ? Persona.OFFICER_LIN : Persona.OFFICER_CHEN;
                String body = "{\"kind\":\"照片\",\"description\":\"现场照片" + i + "\",\"collectedDate\":\"2026-09-07\"}";
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return post(who, caseId, "evidence", body);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            int won = 0;
            for (var f : futures) {
                var r = f.get();
                if (r.statusCode() == 409) {
                    problem(r, 409, "CONCURRENT_MODIFICATION");
                } else {
                    ok(r);
                    won++;
                }
            }
            JsonNode after = file(caseId);
            // the evidence stored is exactly the first record plus every answered 200: nothing lost, nothing extra
            assertThat(after.at("/file/evidence").size()).isEqualTo(2 + won);
            assertThat(ok(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record/verification"))
                    .get("intact").asBoolean()).isTrue();
        }
    }

    @Test
    void shouldAllocateDistinctConsecutiveDocumentNumbersUnderConcurrency() throws Exception {
        var numbers = app.getBean(MongoDocumentNumbers.class);
        Set<String> seen = new HashSet<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> numbers.next(DocumentNumbers.Series.HEARING_NOTICE, 2031)));
            }
            for (var f : futures) {
                seen.add(f.get());
            }
        }
        assertThat(seen).hasSize(40);
        for (int i = 1; i <= 40; i++) {
            assertThat(seen).contains("泉环罚听〔2031〕" + i + "号");
        }
    }

    @Test
    void scenario12_shouldKeepAMitigatedFineWithinTheLegalBasisTableAndWriteTheDiscretionIntoTheDecision() {
        String caseId = filedCase();
        String yingkou = """
                {"kind":"PENALTY","penalties":[{"type":"FINE","amount":%s}],"severityTier":"GENERAL",
                 "facts":"矿山未采取扬尘防治措施","violatedProvision":"《中华人民共和国大气污染防治法》第四十八条",
                 "penaltyBasisProvision":"《中华人民共和国大气污染防治法》第一百零八条第五项",
                 "mitigation":{"lawStudy":true,"publicApology":true,"baseFine":60000%s},"date":"2026-10-09"}""";
        // 15,000 is below the configured statutory minimum of 20,000: refused unless 减轻处罚 is flagged with its basis
        JsonNode below = problem(post(Persona.OFFICER_LIN, caseId, "review-submission", yingkou.formatted("15000", "")),
                400, "FINE_BELOW_STATUTORY_MINIMUM");
        assertThat(below.toString()).contains("第三十二条");
        ok(post(Persona.OFFICER_LIN, caseId, "review-submission", yingkou.formatted("34000", "")));
        ok(post(Persona.CASE_REVIEWER, caseId, "case-review", "{\"outcome\":\"APPROVE\",\"date\":\"2026-10-12\"}"));
        ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        ok(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-10-26\"}"));
        String statement = ok(http.as(Persona.OFFICER_LIN).get("/api/cases/" + caseId)).at("/decision/discretionStatement")
                .asString();
        assertThat(statement).contains("主动参加生态环境法律法规学习", "公开道歉", "60000", "34000", "从轻处罚");
        await().atMost(Duration.ofSeconds(20)).until(() -> typesFor(caseId).contains("PenaltyDecided"));
        assertThat(JSON.readTree(recordsFor(caseId).getLast().value()).get("discretionStatement").asString())
                .isEqualTo(statement);
    }

    @Test
    void shouldRequireARegisteredDecisionToAttestTheGatesItTriggersAndAcceptItWithThem() throws Exception {
        String base = Files.readString(Path.of("..", "docs", "examples", "decision.json"));
        String big = base.replace("泉环罚〔2026〕58号", "泉环罚〔2026〕9001号").replace("120000.00", "600000.00");
        var refused = http.as(Persona.OFFICER_LIN).postJson("/api/cases/decisions", big);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("violations").valueStream().map(v -> v.get("rule").asString()))
                .containsExactlyInAnyOrder("HEARING_RIGHT_ATTESTATION_REQUIRED", "LEGAL_REVIEW_ATTESTATION_REQUIRED",
                        "MINUTES_ATTESTATION_REQUIRED");
        String attested = big.replace("\"issuingAgency\"", """
                "hearingRight": {"offeredOn": "2026-10-13", "outcome": "WAIVED"},
                "legalReview": {"passedOn": "2026-11-09", "reviewer": "王律"},
                "collectiveDiscussion": {"minutesReference": "集体讨论记录〔2026〕12号", "heldOn": "2026-11-10"},
                "issuingAgency\"""");
        var accepted = http.as(Persona.OFFICER_LIN).postJson("/api/cases/decisions", attested);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String caseId = JSON.readTree(accepted.body()).get("caseId").asString();
        JsonNode entry = ok(http.as(Persona.AUDITOR).get("/api/cases/" + caseId + "/record")).at("/entries/0/details");
        assertThat(entry.get("legalReviewer").asString()).isEqualTo("王律");
        assertThat(entry.get("minutesReference").asString()).isEqualTo("集体讨论记录〔2026〕12号");
        // an attestation dated after the decision does not count
        String lateReview = attested.replace("泉环罚〔2026〕9001号", "泉环罚〔2026〕9002号").replace("2026-11-09", "2026-11-21");
        var late = http.as(Persona.OFFICER_LIN).postJson("/api/cases/decisions", lateReview);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("LEGAL_REVIEW_ATTESTATION_REQUIRED");
    }


    @Test
    void shouldReturnForMoreEvidenceFromCaseReviewAndFromLegalReviewWithTheReviewersOpinion() {
        String caseId = filedCase();
        ok(post(Persona.OFFICER_LIN, caseId, "review-submission", proposal("250000")));
        // the investigator may not review his own case; a reviewer returns it for more evidence
        assertThat(post(Persona.CASE_REVIEWER, caseId, "case-review", "{\"outcome\":\"RETURN\",\"opinion\":\"补充监测采样记录\","
                + "\"date\":\"2026-10-10\"}").statusCode()).isEqualTo(200);
        assertThat(file(caseId).get("state").asString()).isEqualTo("INVESTIGATING");
        ok(post(Persona.OFFICER_CHEN, caseId, "evidence",
                "{\"kind\":\"采样记录\",\"description\":\"现场采样记录\",\"collectedDate\":\"2026-10-10\"}"));
        ok(post(Persona.OFFICER_CHEN, caseId, "review-submission", proposal("250000")));
        ok(post(Persona.CASE_REVIEWER, caseId, "case-review", "{\"outcome\":\"APPROVE\",\"date\":\"2026-10-12\"}"));
        ok(post(Persona.OFFICER_LIN, caseId, "pre-notice", "{\"servedDate\":\"2026-10-13\"}"));
        ok(post(Persona.ENTERPRISE_A, caseId, "waiver",
                "{\"statementsWaived\":true,\"hearingWaived\":true,\"date\":\"2026-10-14\"}"));
        // 250,000 reaches the legal-review catalogue amount: the decision waits for a passed review
        problem(post(Persona.AGENCY_HEAD, caseId, "decision", "{\"decisionDate\":\"2026-10-15\"}"), 422,
                "LEGAL_REVIEW_REQUIRED");
        JsonNode requested = ok(post(Persona.OFFICER_LIN, caseId, "legal-review-request", "{\"date\":\"2026-10-15\"}"));
        assertThat(requested.at("/file/legalReviews/0/triggers/0").asString()).isEqualTo("FINE_AT_LEGAL_REVIEW_THRESHOLD");
        problem(post(Persona.LEGAL_REVIEWER, caseId, "legal-review", "{\"outcome\":\"RETURN\",\"date\":\"2026-10-16\"}"),
                400, "REQUIRED");
        ok(post(Persona.LEGAL_REVIEWER, caseId, "legal-review",
                "{\"outcome\":\"RETURN\",\"opinion\":\"处罚依据引用条款有误\",\"date\":\"2026-10-16\"}"));
        assertThat(file(caseId).get("state").asString()).isEqualTo("UNDER_CASE_REVIEW");
        await().atMost(Duration.ofSeconds(20)).until(() -> typesFor(caseId).contains("LegalReviewReturned"));
        JsonNode returned = JSON.readTree(recordsFor(caseId).getLast().value());
        assertThat(returned.get("opinion").asString()).isEqualTo("处罚依据引用条款有误");
        assertThat(returned.get("reviewerId").asString()).isEqualTo("legal-reviewer");
        assertThat(typesFor(caseId)).containsExactly("CaseFiled", "PreNoticeServed", "LegalReviewRequested",
                "LegalReviewReturned");
    }

}
