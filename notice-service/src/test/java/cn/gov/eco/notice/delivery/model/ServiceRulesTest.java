package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.web.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The deemed-delivery rules of DOMAIN.md §3 and the time rules T2 and T20 on the 2025 and 2026 calendars. */
class ServiceRulesTest {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.stateCouncil();
    static final LocalDate DECIDED = LocalDate.of(2026, 11, 20);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final LocalDate ON = LocalDate.of(2026, 11, 24);

    static ServiceProof proof(ServiceMethod m, String signer, SignerRole role, List<String> evidence, String refusal,
                              String witness, String witnessOrg, String organ, String institution, String tracking) {
        return new ServiceProof(m, ON, signer, role, evidence, refusal, witness, witnessOrg, organ, institution,
                tracking, null);
    }

    static List<String> rules(ServiceProof p) {
        return ServiceRules.proofViolations(p, DECIDED, TODAY).stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void shouldServeDirectlyOnlyWithTheSignerTheirCapacityAndTheSignedReceipt() {
        // 《民事诉讼法》第八十七条、第八十八条
        assertThat(rules(proof(ServiceMethod.DIRECT, "陈建国", SignerRole.LEGAL_REPRESENTATIVE, List.of("e"), null,
                null, null, null, null, null))).isEmpty();
        assertThat(rules(proof(ServiceMethod.DIRECT, null, null, List.of(), null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("signerName:REQUIRED", "signerRole:REQUIRED", "evidenceIds:EVIDENCE_REQUIRED");
    }

    @Test
    void shouldLeaveAtThePremisesOnlyWithTheRefusalAndAWitnessOrAPhotoRecord() {
        // 第八十九条
        assertThat(rules(proof(ServiceMethod.LEFT_WITH_WITNESS, null, null, List.of(), "拒绝签收", "王主任",
                "东海街道居委会", null, null, null))).isEmpty();
        assertThat(rules(proof(ServiceMethod.LEFT_WITH_WITNESS, null, null, List.of("photo"), "拒绝签收", null, null,
                null, null, null))).isEmpty();
        assertThat(rules(proof(ServiceMethod.LEFT_WITH_WITNESS, null, null, List.of(), null, "王主任", null, null,
                null, null))).containsExactlyInAnyOrder("refusalReason:REQUIRED",
                "witnessName:WITNESS_OR_RECORDING_REQUIRED");
    }

    @Test
    void shouldServeByEntrustmentPostAndForwardingWithWhatEachReceiptShows() {
        // 第九十一条 (entrusted, postal), 第九十二条至第九十四条 (forwarded)
        assertThat(rules(proof(ServiceMethod.ENTRUSTED, "陈建国", SignerRole.RECEIVING_CLERK, List.of("e"), null,
                null, null, "丰泽区生态环境局", null, null))).isEmpty();
        assertThat(rules(proof(ServiceMethod.ENTRUSTED, "陈建国", SignerRole.RECEIVING_CLERK, List.of("e"), null,
                null, null, null, null, null))).containsExactly("entrustedOrgan:REQUIRED");
        assertThat(rules(proof(ServiceMethod.POSTAL, null, null, List.of("receipt"), null, null, null, null, null,
                "EMS1234567890"))).isEmpty();
        assertThat(rules(proof(ServiceMethod.POSTAL, null, null, List.of(), null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("trackingNumber:REQUIRED", "evidenceIds:EVIDENCE_REQUIRED");
        assertThat(rules(proof(ServiceMethod.FORWARDED, "张三", null, List.of("e"), null, null, null, null,
                "某部队政治部", null))).isEmpty();
        assertThat(rules(proof(ServiceMethod.FORWARDED, "张三", null, List.of("e"), null, null, null, null, null,
                null))).containsExactly("forwardingInstitution:REQUIRED");
    }

    @Test
    void shouldNeverTakeAnElectronicArrivalOrAPublicNoticeAsAPaperReceipt() {
        // 第九十条: the arrival time comes from the channel, never typed in
        assertThat(rules(proof(ServiceMethod.ELECTRONIC, "x", SignerRole.AGENT, List.of("e"), null, null, null,
                null, null, null))).contains("method:ARRIVAL_FROM_CHANNEL_ONLY");
        assertThat(rules(proof(ServiceMethod.PUBLIC_NOTICE, "x", SignerRole.AGENT, List.of("e"), null, null, null,
                null, null, null))).contains("method:PUBLIC_NOTICE_SEPARATE");
    }

    @Test
    void shouldRefuseAServiceDateBeforeTheDecisionOrInTheFuture() {
        var before = new ServiceProof(ServiceMethod.POSTAL, DECIDED.minusDays(1), null, null, List.of("r"), null,
                null, null, null, null, "EMS1", null);
        var future = new ServiceProof(ServiceMethod.POSTAL, TODAY.plusDays(1), null, null, List.of("r"), null,
                null, null, null, null, "EMS1", null);
        assertThat(ServiceRules.proofViolations(before, DECIDED, TODAY)).extracting(Violation::rule)
                .containsExactly("BEFORE_DECISION");
        assertThat(ServiceRules.proofViolations(future, DECIDED, TODAY)).extracting(Violation::rule)
                .containsExactly("IN_FUTURE");
    }

    /** T2 (《行政处罚法》第六十一条、第八十五条): 7 working days, the decision day excluded, on the State Council tables. */
    @ParameterizedTest(name = "decided {0} → serve by {1}")
    @CsvSource({
            // 2025: the Spring Festival holiday 01-28..02-04 with the adjusted working days 01-26 (Sun), 02-08 (Sat)
            "2025-01-24, 2025-02-10",
            // 2025: Qingming 04-04..04-06
            "2025-04-02, 2025-04-14",
            // 2025: National Day 10-01..10-08 with 09-28 (Sun) and 10-11 (Sat) worked
            "2025-09-26, 2025-10-13",
            // 2026: Spring Festival 02-15..02-23 with 02-14 (Sat) and 02-28 (Sat) worked
            "2026-02-12, 2026-02-28",
            // 2026: Mid-Autumn 09-25..09-27 and National Day 10-01..10-07 with 10-10 (Sat) worked
            "2026-09-24, 2026-10-12",
            // an ordinary fortnight
            "2026-11-20, 2026-12-01"
    })
    void shouldComputeTheLastDayToServeTheDecisionOnTheWorkingDayCalendar(LocalDate decided, LocalDate serveBy) {
        var computed = CALENDAR.compute(StatutoryDateRules.T2_SERVE_DECISION, "作出行政处罚决定",
                "the penalty decision was made", decided);
        assertThat(computed.date()).isEqualTo(serveBy);
        // the 7th working day after the decision: 6 working days strictly between, and the day itself worked
        assertThat(CALENDAR.workingDaysBetween(decided, serveBy)).isEqualTo(6);
        assertThat(CALENDAR.isWorkingDay(serveBy)).isTrue();
    }

    /** T20 (《民事诉讼法》第九十五条、第二百八十三条): 30 calendar days, 60 for a party with no domicile in China. */
    @ParameterizedTest(name = "published {0}, domicile in China {1} → deemed served {2}")
    @CsvSource({
            "2025-09-20, true, 2025-10-20",
            "2025-09-20, false, 2025-11-19",
            "2026-01-30, true, 2026-03-01",
            "2026-01-30, false, 2026-03-31"
    })
    void shouldDeemAPublicNoticeServedWhenItsPeriodHasPassed(LocalDate published, boolean domicile, LocalDate deemed) {
        var d = ServiceRules.publicNoticeDeemedServed(CALENDAR, published, domicile);
        assertThat(d.date()).isEqualTo(deemed);
        assertThat(d.explanationZh()).contains(domicile ? "第九十五条" : "第二百八十三条");
    }

    @ParameterizedTest(name = "{0} failed ({1}) → {2}")
    @CsvSource({
            "DIRECT, REFUSED_NO_WITNESS, LEFT_WITH_WITNESS",
            "DIRECT, UNREACHABLE, POSTAL",
            "ELECTRONIC, ELECTRONIC_UNDELIVERABLE, DIRECT",
            "ELECTRONIC, CONSENT_REVOKED, DIRECT",
            "ENTRUSTED, UNREACHABLE, POSTAL",
            "POSTAL, RETURNED, PUBLIC_NOTICE",
            "POSTAL, UNREACHABLE, PUBLIC_NOTICE"
    })
    void shouldEscalateAFailedAttemptToTheNextLawfulMethod(ServiceMethod failed, FailureReason reason,
                                                          ServiceMethod next) {
        assertThat(ServiceRules.nextMethod(failed, reason)).isEqualTo(next);
    }
}
