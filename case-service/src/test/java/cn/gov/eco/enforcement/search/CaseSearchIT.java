package cn.gov.eco.enforcement.search;

import cn.gov.eco.enforcement.decision.DecisionRecordingIT;
import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 案件查询: staff find a case by 文号, company name or USCC, state and decision date, without its internal id. */
class CaseSearchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static Http officer;
    private static final List<String> CASES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        app = DecisionRecordingIT.start("case-search-it-" + UUID.randomUUID());
        officer = Http.localhost(DecisionRecordingIT.port(app)).as(Persona.OFFICER_LIN);
        String example = Files.readString(Path.of("..", "docs", "examples", "decision.json"));
        // two decisions against enterprise A in November, one against enterprise B a day later
        CASES.add(record(example.replace("泉环罚〔2026〕58号", "泉环罚〔2026〕701号")));
        CASES.add(record(example.replace("泉环罚〔2026〕58号", "泉环罚〔2026〕702号")));
        CASES.add(record(example.replace("泉环罚〔2026〕58号", "泉环罚〔2026〕703号")
                .replace(Persona.USCC_A, Persona.USCC_B).replace("泉州市清源化工有限公司", "泉州市蓝海印染有限公司")
                .replace("\"2026-11-20\"", "\"2026-11-21\"")));
    }

    private static String record(String json) {
        var response = officer.postJson("/api/cases/decisions", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("caseId").asString();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static JsonNode search(Http who, String query) {
        var response = who.get("/api/cases?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("cases").valueStream().map(c -> c.get("caseId").asString()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindACaseByItsDocumentNumberWithoutItsInternalId() {
        JsonNode page = search(officer, "q=" + enc("702号"));
        assertThat(ids(page)).containsExactly(CASES.get(1));
        JsonNode found = page.get("cases").get(0);
        assertThat(found.get("documentNumber").asString()).isEqualTo("泉环罚〔2026〕702号");
        assertThat(found.get("enterpriseName").asString()).isEqualTo("泉州市清源化工有限公司");
        assertThat(found.get("state").asString()).isEqualTo("DECIDED");
    }

    @Test
    void shouldFindCasesByPartOfTheCompanyNameOrByUsccAndByDecisionDate() {
        assertThat(ids(search(officer, "q=" + enc("蓝海")))).containsExactly(CASES.get(2));
        assertThat(ids(search(officer, "q=" + Persona.USCC_A.toLowerCase()))).containsExactlyInAnyOrder(
                CASES.get(0), CASES.get(1));
        assertThat(ids(search(officer, "decidedFrom=2026-11-21&decidedTo=2026-11-23"))).contains(CASES.get(2))
                .doesNotContain(CASES.get(0), CASES.get(1));
        assertThat(ids(search(officer, "state=DECIDED&q=" + enc("泉环罚〔2026〕70")))).hasSize(3);
        assertThat(ids(search(officer, "state=CLOSED&q=" + enc("泉环罚〔2026〕70")))).isEmpty();
    }

    @Test
    void shouldPageNewestDecisionFirstAndCountEveryMatch() {
        JsonNode first = search(officer, "q=" + enc("泉环罚〔2026〕70") + "&size=2&page=0");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(ids(first)).hasSize(2).first().isEqualTo(CASES.get(2)); // decided 2026-11-21, the newest
        JsonNode second = search(officer, "q=" + enc("泉环罚〔2026〕70") + "&size=2&page=1");
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void shouldTakeTheSearchTextLiterallyNeverAsAPattern() {
        assertThat(ids(search(officer, "q=" + enc(".*")))).isEmpty();
        assertThat(ids(search(officer, "q=" + enc("〔2026〕70[1-3]")))).isEmpty();
    }

    @Test
    void shouldRefuseBadCriteriaWithProblemJsonNamingTheField() {
        var tooBig = officer.get("/api/cases?size=1000");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("\"field\":\"size\"", "OUT_OF_RANGE");
        var unknownState = officer.get("/api/cases?state=NOT_A_STATE");
        assertThat(unknownState.statusCode()).isEqualTo(400);
        assertThat(unknownState.body()).contains("UNKNOWN_STATE");
        var reversed = officer.get("/api/cases?decidedFrom=2026-12-31&decidedTo=2026-01-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("RANGE_REVERSED");
    }

    @Test
    void shouldNotListCasesToAnEnterprise() {
        assertThat(officer.as(Persona.ENTERPRISE_A).get("/api/cases").statusCode()).isEqualTo(403);
    }
}
