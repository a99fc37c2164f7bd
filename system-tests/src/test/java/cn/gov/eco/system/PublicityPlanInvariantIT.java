package cn.gov.eco.system;

import cn.gov.eco.testsupport.Http;
import cn.gov.eco.testsupport.Persona;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One truth for what the enterprise is told (issue 15): over the whole space of decisions — every combination of
 * penalty types, alone and together (with the amount-dependent fine), every declared tier, decision dates on both
 * sides of the rule-set switch (Order 58 → Order 36 on 2026-04-01) — the dates <em>printed in the served notice PDF</em>
 * (text extracted with PDFBox) are the dates of the publicity record credit-service opened and of the eligibility
 * answer it gives, and the tier printed is the record's. Through the real services: an officer's decision on
 * case-service, the documents rendered and served by notice-service, the record opened by credit-service.
 * <p>
 * This fails as soon as the classification is made twice again (e.g. notice-service planning from the declared tier
 * alone while credit-service also applies the tier of the penalty type): a 吊销许可证件 decision declared general is
 * then printed with general dates and published with serious ones.
 */
class PublicityPlanInvariantIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    /** A document number per decision, unique in this run (the system is shared by the system tests of the JVM). */
    private static final AtomicInteger NUMBERS = new AtomicInteger(8000);
    private static final String USCC = Persona.USCC_A;

    private static final List<String> TYPES = List.of("FINE", "WARNING", "CONFISCATION_OF_ILLEGAL_GAINS",
            "SUSPENSION_OF_LICENCE", "REVOCATION_OF_LICENCE", "ORDER_TO_SUSPEND_PRODUCTION", "ORDER_TO_CLOSE",
            "RESTRICTION_OF_PRODUCTION");

    @Property(tries = 24, shrinking = ShrinkingMode.OFF, seed = "20261201")
    void shouldPrintInTheServedNoticeTheDatesOfThePublicityRecordAndOfTheEligibilityAnswer(
            @ForAll("penaltyTypes") Set<String> types, @ForAll("tiers") String tier,
            @ForAll("decisionDates") LocalDate decisionDate, @ForAll("fines") BigDecimal fine) throws Exception {
        check(types, tier, decisionDate, fine);
    }

    /** The issue's own example: 50,000 and 吊销许可证件 declared general, decided 2026-12-01 (here 2026-11-20). */
    @Example
    void shouldPrintTheRecordsDatesForAFineWithARevokedLicenceDeclaredGeneral() throws Exception {
        JsonNode record = check(new LinkedHashSet<>(List.of("FINE", "REVOCATION_OF_LICENCE")), "GENERAL",
                LocalDate.of(2026, 11, 20), new BigDecimal("120000"));
        // the single classification applies the penalty type's tier (platform.publicity.tier-by-penalty-type)
        assertThat(record.at("/classification/appliedTier").asString()).isEqualTo("SERIOUS");
        assertThat(record.at("/plan/earliestApplicationDate/date").asString()).isEqualTo("2027-11-21");
        assertThat(record.at("/plan/maxPeriodEnd/date").asString()).isEqualTo("2029-11-20");
    }

    @Provide
    Arbitrary<Set<String>> penaltyTypes() {
        return Arbitraries.of(TYPES).set().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> tiers() {
        return Arbitraries.of("MINOR", "GENERAL", "SERIOUS");
    }

    @Provide
    Arbitrary<LocalDate> decisionDates() {
        // both rule sets, with the days either side of the switch and month ends (month arithmetic) weighted in
        Arbitrary<LocalDate> any = Arbitraries.longs().between(0, LocalDate.of(2026, 11, 20).toEpochDay()
                - LocalDate.of(2025, 1, 2).toEpochDay()).map(d -> LocalDate.of(2025, 1, 2).plusDays(d));
        Arbitrary<LocalDate> edges = Arbitraries.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1),
                LocalDate.of(2025, 11, 30), LocalDate.of(2026, 1, 31), LocalDate.of(2025, 8, 31));
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(2, edges));
    }

    @Provide
    Arbitrary<BigDecimal> fines() {
        // inside 《大气污染防治法》第九十九条's 100,000–1,000,000, on both sides of the 200,000 hearing threshold
        return Arbitraries.of(new BigDecimal("100000"), new BigDecimal("150000"), new BigDecimal("200000"),
                new BigDecimal("600000"), new BigDecimal("1000000"));
    }

    private static JsonNode check(Set<String> types, String tier, LocalDate decisionDate, BigDecimal fine)
            throws Exception {
        var system = RunningSystem.get();
        String number = "泉环罚〔" + decisionDate.getYear() + "〕" + NUMBERS.incrementAndGet() + "号";
        var posted = http(system.caseService).postJson("/api/cases/decisions",
                decision(number, types, tier, decisionDate, fine));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String caseId = JSON.readTree(posted.body()).get("caseId").asString();

        // the notice as served (both documents, one act of service)
        await().atMost(Duration.ofSeconds(60)).until(() -> served(system.noticeService, caseId));
        JsonNode delivery = JSON.readTree(http(system.noticeService).get("/api/deliveries/" + caseId).body());
        String notice = null;
        for (JsonNode link : delivery.get("documents")) {
            if (link.get("kind").asString().equals("REPAIR_RIGHTS_NOTICE")) {
                notice = pdfText(http(system.noticeService).getBytes(link.get("href").asString()).body());
            }
        }
        assertThat(notice).as("the notice of " + number).isNotNull();

        // the record as credit-service opened it
        await().atMost(Duration.ofSeconds(60)).until(() -> record(system.creditService, caseId) != null);
        JsonNode record = record(system.creditService, caseId);
        String what = number + " " + types + " declared " + tier + " decided " + decisionDate;

        // the dates printed in the notice are the record's: each date of the plan appears, none is left out
        Set<LocalDate> printed = printedDates(notice);
        List<LocalDate> planDates = new ArrayList<>();
        for (String f : List.of("minPeriodEnd", "maxPeriodEnd", "earliestApplicationDate")) {
            JsonNode d = record.at("/plan/" + f + "/date");
            if (!d.isMissingNode() && !d.isNull()) {
                planDates.add(LocalDate.parse(d.asString()));
            }
        }
        assertThat(printed).as(what + ": the record's dates printed in the notice").containsAll(planDates);
        // ... and the notice prints no publicity date the record does not have (dates after the decision other
        // than the plan's: e.g. another tier's minimum end or maximum end)
        Set<LocalDate> unexplained = new LinkedHashSet<>(printed);
        unexplained.removeAll(planDates);
        unexplained.removeIf(d -> !d.isAfter(decisionDate));
        unexplained.remove(LocalDate.parse(record.at("/plan/publicityStart").asString()));
        unexplained.removeAll(List.of(LocalDate.of(2023, 5, 1), LocalDate.of(2026, 4, 1))); // rule sets in force
        assertThat(unexplained).as(what + ": dates printed in the notice that the record does not have").isEmpty();
        // the tier printed is the record's
        String tierZh = switch (record.at("/plan/tier").asString()) {
            case "MINOR" -> "轻微";
            case "GENERAL" -> "一般";
            default -> "严重";
        };
        assertThat(notice).as(what + ": the tier printed").contains(tierZh + "失信");
        // the record opened as served: no difference with credit-service's configuration to review
        assertThat(record.get("planReview") == null || record.get("planReview").isNull()).as(what).isTrue();

        // the eligibility answer shows the record's dates
        if (record.at("/plan/published").asBoolean()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> eligibility(system.creditService, caseId) != null);
            JsonNode answer = eligibility(system.creditService, caseId);
            for (String f : List.of("minPeriodEnd", "maxPeriodEnd", "earliestApplicationDate")) {
                assertThat(answer.at("/" + f + "/date").asString(""))
                        .as(what + ": eligibility " + f).isEqualTo(record.at("/plan/" + f + "/date").asString(""));
            }
        }
        return record;
    }

    /** The registered decision, with every gate's attestation (the combinations reach the hearing and review gates). */
    private static String decision(String number, Set<String> types, String tier, LocalDate date, BigDecimal fine) {
        ObjectNode d = (ObjectNode) JSON.readTree(RunningSystem.example(number));
        d.put("decisionDate", date.toString());
        d.put("severityTier", tier);
        ArrayNode penalties = d.putArray("penalties");
        for (String t : types) {
            ObjectNode p = penalties.addObject().put("type", t);
            if (t.equals("FINE")) {
                p.put("amount", fine);
            } else if (t.equals("CONFISCATION_OF_ILLEGAL_GAINS")) {
                p.put("amount", new BigDecimal("8000.00"));
            }
        }
        if (!types.contains("FINE")) {
            d.remove("discretionStatement");
        }
        d.putObject("hearingRight").put("offeredOn", date.minusDays(20).toString()).put("outcome", "WAIVED");
        d.putObject("legalReview").put("passedOn", date.minusDays(3).toString()).put("reviewer", "法制审核员 王敏");
        d.putObject("collectiveDiscussion").put("minutesReference", "泉环集〔" + date.getYear() + "〕1号")
                .put("heldOn", date.minusDays(2).toString());
        return JSON.writeValueAsString(d);
    }

    private static Set<LocalDate> printedDates(String text) {
        Set<LocalDate> out = new LinkedHashSet<>();
        var m = CHINESE_DATE.matcher(text);
        while (m.find()) {
            out.add(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        }
        return out;
    }

    private static Http http(ConfigurableApplicationContext ctx) {
        return RunningSystem.http(ctx).as(Persona.OFFICER_LIN);
    }

    private static boolean served(ConfigurableApplicationContext notice, String caseId) {
        var r = http(notice).get("/api/deliveries/" + caseId);
        return r.statusCode() == 200 && JSON.readTree(r.body()).get("served").asBoolean();
    }

    private static JsonNode record(ConfigurableApplicationContext credit, String caseId) {
        var r = http(credit).get("/api/enterprises/" + USCC + "/publicity-records");
        if (r.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(r.body()).get("records").valueStream()
                .filter(x -> x.get("caseId").asString().equals(caseId)).findFirst().orElse(null);
    }

    private static JsonNode eligibility(ConfigurableApplicationContext credit, String caseId) {
        var r = http(credit).get("/api/enterprises/" + USCC + "/repair-eligibility");
        if (r.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(r.body()).get("records").valueStream()
                .filter(x -> caseId.equals(x.path("caseId").asString(null))).findFirst().orElse(null);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
