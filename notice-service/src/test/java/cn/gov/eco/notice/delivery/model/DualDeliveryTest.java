package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DualDeliveryTest {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.stateCouncil();
    static final ServedDocument DECISION = new ServedDocument(DocumentKind.PENALTY_DECISION, "c1-decision",
            "泉环罚〔2026〕58号", "a".repeat(64));
    static final ServedDocument NOTICE = new ServedDocument(DocumentKind.REPAIR_RIGHTS_NOTICE, "c1-notice",
            "泉环信修〔2026〕58号", "b".repeat(64));
    static final ServiceAct ACT = new ServiceAct("act-1", ServiceMethod.ELECTRONIC,
            Instant.parse("2026-11-23T02:00:00Z"), LocalDate.of(2026, 11, 23), false, "e-delivery");
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final ElectronicTarget TARGET = new ElectronicTarget("consent-1", "e-delivery-platform", "qy@example.cn");

    static DualDelivery decidedOn(LocalDate decisionDate, boolean onTheSpot) {
        ExplainedDate serveBy = ExplainedDate.of(CALENDAR.compute(StatutoryDateRules.T2_SERVE_DECISION,
                "作出行政处罚决定", "the penalty decision was made", decisionDate));
        return DualDelivery.prepared("c1", "91350500MA2Y0001XX", "某公司", DECISION, NOTICE, serveBy,
                new DecisionFacts("泉环罚〔2026〕58号", decisionDate, "GENERAL", List.of("FINE"), "34000.00",
                        "NDRC-ORDER-36", onTheSpot, null), T0);
    }

    static ServiceProof direct(LocalDate on) {
        return new ServiceProof(ServiceMethod.DIRECT, on, "陈建国", SignerRole.LEGAL_REPRESENTATIVE, List.of("ev1"),
                null, null, null, null, null, null, null);
    }

    static ServiceAct paperAct(ServiceProof p) {
        return new ServiceAct("act-p", p.method(), p.servedOn().atStartOfDay(ServiceRules.CHINA).toInstant(),
                p.servedOn(), false, null, p, null, null, null, null, T0, "officer-lin");
    }

    @Test
    void shouldNotRepresentADeliveryOfTheDecisionWithoutTheNotice() {
        assertThatThrownBy(() -> DualDelivery.prepared("c1", "91350500MA2Y0001XX", "某公司", DECISION, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("两书同达");
    }

    @Test
    void shouldNotAcceptTwoDocumentsOfTheSameKind() {
        assertThatThrownBy(() -> DualDelivery.prepared("c1", "91350500MA2Y0001XX", "某公司", DECISION, DECISION, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldServeBothDocumentsInOneActAndOnlyOnce() {
        var served = DualDelivery.prepared("c1", "91350500MA2Y0001XX", "某公司", DECISION, NOTICE, null).served(ACT);
        assertThat(served.status()).isEqualTo(DualDelivery.Status.SERVED);
        assertThat(served.conforming()).isTrue();
        assertThat(served.documents()).containsExactly(DECISION, NOTICE);
        assertThatThrownBy(() -> served.served(ACT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAServedStateWithoutAnActOfService() {
        assertThatThrownBy(() -> new DualDelivery("c1", "c1", "91350500MA2Y0001XX", "某公司", DECISION, NOTICE, null,
                DualDelivery.Status.SERVED, null, null, null, List.of(), null, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DualDelivery.prepared("c1", "u", "n", DECISION, NOTICE, null).conforming()).isFalse();
    }

    @Test
    void shouldServeByDirectReceiptOnTheSigningDateAndCloseTheOpenAttempt() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false)
                .startAttempt(ServiceMethod.DIRECT, null, T0, "officer-lin");
        assertThat(d.status()).isEqualTo(DualDelivery.Status.IN_SERVICE);
        var served = d.served(paperAct(direct(LocalDate.of(2026, 11, 23))));
        assertThat(served.serviceAct().servedDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(served.attempts()).singleElement().satisfies(a -> {
            assertThat(a.method()).isEqualTo(ServiceMethod.DIRECT);
            assertThat(a.outcome()).isEqualTo(ServiceAttempt.Outcome.SERVED);
        });
    }

    @Test
    void shouldSupersedeARefusedDirectAttemptWhenTheDocumentsAreLeftAtThePremises() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false)
                .startAttempt(ServiceMethod.DIRECT, null, T0, "officer-lin");
        var left = new ServiceProof(ServiceMethod.LEFT_WITH_WITNESS, LocalDate.of(2026, 11, 24), null, null,
                List.of("photo1"), "拒绝签收", null, null, null, null, null, null);
        var served = d.served(paperAct(left));
        assertThat(served.attempts()).extracting(ServiceAttempt::method, ServiceAttempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ServiceMethod.DIRECT, ServiceAttempt.Outcome.SUPERSEDED),
                org.assertj.core.groups.Tuple.tuple(ServiceMethod.LEFT_WITH_WITNESS, ServiceAttempt.Outcome.SERVED));
        assertThat(served.serviceAct().servedDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void shouldKeepTheAttemptHistoryAndRecommendTheNextLawfulMethodAfterAFailure() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false)
                .startAttempt(ServiceMethod.DIRECT, null, T0, "officer-lin")
                .failed(FailureReason.UNREACHABLE, LocalDate.of(2026, 11, 23), "无人", List.of(), T0);
        assertThat(d.status()).isEqualTo(DualDelivery.Status.PREPARED);
        assertThat(d.recommendedMethod()).isEqualTo(ServiceMethod.POSTAL);
        d = d.startAttempt(ServiceMethod.POSTAL, null, T0, "officer-lin")
                .failed(FailureReason.RETURNED, LocalDate.of(2026, 11, 27), "退回", List.of(), T0);
        assertThat(d.recommendedMethod()).isEqualTo(ServiceMethod.PUBLIC_NOTICE);
        assertThat(d.attempts()).extracting(ServiceAttempt::outcome)
                .containsExactly(ServiceAttempt.Outcome.FAILED, ServiceAttempt.Outcome.FAILED);
        assertThat(d.attempts().get(1).failureReason()).isEqualTo(FailureReason.RETURNED);
    }

    @Test
    void shouldNotStartASecondAttemptWhileOneIsOpen() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false)
                .startAttempt(ServiceMethod.POSTAL, null, T0, "officer-lin");
        assertThatThrownBy(() -> d.startAttempt(ServiceMethod.DIRECT, null, T0, "officer-lin"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNotStartAnElectronicAttemptWithoutTheConsentedAddress() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false);
        assertThatThrownBy(() -> d.startAttempt(ServiceMethod.ELECTRONIC, null, T0, "system"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAllowAPublicNoticeOnlyAfterAnotherMethodFailed() {
        var fresh = decidedOn(LocalDate.of(2025, 9, 10), false);
        var pn = new PublicNotice(LocalDate.of(2025, 9, 20), "泉州晚报", "邮寄退回，下落不明", true,
                ServiceRules.publicNoticeDeemedServed(CALENDAR, LocalDate.of(2025, 9, 20), true), List.of());
        assertThatThrownBy(() -> fresh.publicNoticePublished(pn, T0, "officer-lin"))
                .isInstanceOf(IllegalStateException.class);
        var failed = fresh.startAttempt(ServiceMethod.POSTAL, null, T0, "officer-lin")
                .failed(FailureReason.RETURNED, LocalDate.of(2025, 9, 18), null, List.of(), T0);
        var published = failed.publicNoticePublished(pn, T0, "officer-lin");
        assertThat(published.status()).isEqualTo(DualDelivery.Status.PUBLIC_NOTICE_PUBLISHED);
        assertThat(published.deemedServedBy(LocalDate.of(2025, 10, 19), "a", T0)).isEmpty();
        var served = published.deemedServedBy(LocalDate.of(2025, 10, 20), "a", T0).orElseThrow();
        assertThat(served.serviceAct().deemed()).isTrue();
        assertThat(served.serviceAct().servedDate()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(served.serviceAct().method()).isEqualTo(ServiceMethod.PUBLIC_NOTICE);
    }

    @Test
    void shouldServeElectronicallyAtTheChannelsArrivalTimeEvenIfTheSubmissionWasNotRecorded() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false).startAttempt(ServiceMethod.ELECTRONIC, TARGET, T0,
                "system");
        assertThat(d.openAttempt().orElseThrow().awaitingSend()).isTrue();
        assertThat(d.nextDueAt()).contains(T0);
        Instant arrival = Instant.parse("2026-11-23T16:30:00Z"); // 2026-11-24 00:30 in China
        var served = d.electronicArrived("m-1", arrival, "act", T0);
        assertThat(served.serviceAct().servedAt()).isEqualTo(arrival);
        assertThat(served.serviceAct().servedDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(served.serviceAct().consentId()).isEqualTo("consent-1");
        assertThat(served.servedByMessage("m-1")).isTrue();
        assertThat(served.nextDueAt()).isEmpty();
    }

    @Test
    void shouldRefuseTheArrivalOfAnotherMessageThanTheOneTheChannelTook() {
        var d = decidedOn(LocalDate.of(2026, 11, 20), false).startAttempt(ServiceMethod.ELECTRONIC, TARGET, T0,
                "system").electronicSubmitted("m-1", T0, T0.plusSeconds(3600));
        assertThat(d.openAttempt().orElseThrow().awaitingSend()).isFalse();
        assertThat(d.nextDueAt()).contains(T0.plusSeconds(3600)); // the arrival receipt is due by then
        assertThat(d.openAttempt().orElseThrow().arrivalOverdue(T0.plusSeconds(3599))).isFalse();
        assertThat(d.openAttempt().orElseThrow().arrivalOverdue(T0.plusSeconds(3600))).isTrue();
        assertThatThrownBy(() -> d.electronicArrived("m-2", T0, "act", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepAnElectronicAttemptPendingWithItsNextTryWhenTheChannelIsDown() {
        Instant next = T0.plusSeconds(30);
        var d = decidedOn(LocalDate.of(2026, 11, 20), false).startAttempt(ServiceMethod.ELECTRONIC, TARGET, T0,
                "system").electronicSendDeferred("down", next);
        assertThat(d.openAttempt().orElseThrow().sends()).isEqualTo(1);
        assertThat(d.nextDueAt()).contains(next);
        assertThat(d.status()).isEqualTo(DualDelivery.Status.IN_SERVICE);
    }

    @Test
    void shouldFlagAServiceOfOneDocumentAsNonconformingWithoutServingTheDelivery() {
        // DOMAIN.md §9 scenario 6
        var d = decidedOn(LocalDate.of(2025, 4, 3), false)
                .irregularServiceReported(new IrregularService(DocumentKind.PENALTY_DECISION, ServiceMethod.DIRECT,
                        LocalDate.of(2025, 4, 8), true, null, "officer-lin", T0, null, List.of()))
                .irregularServiceReported(new IrregularService(DocumentKind.REPAIR_RIGHTS_NOTICE,
                        ServiceMethod.ELECTRONIC, LocalDate.of(2025, 4, 10), false, "NO_ESERVICE_CONSENT",
                        "officer-lin", T0, null, List.of()));
        assertThat(d.nonconforming()).isTrue();
        assertThat(d.conforming()).isFalse();
        assertThat(d.status()).isNotEqualTo(DualDelivery.Status.SERVED);
        assertThat(d.serviceAct()).isNull();
        // a conforming act for both still cures it
        var cured = d.served(paperAct(direct(LocalDate.of(2025, 4, 11))));
        assertThat(cured.nonconforming()).isFalse();
        assertThat(cured.irregularServices()).hasSize(2);
    }

    @Test
    void shouldBeOverdueFromTheDayAfterTheSeventhWorkingDayUnlessHandedOverOnTheSpot() {
        // 2026-11-20 (Fri) + 7 working days = 2026-12-01 (Tue)
        var d = decidedOn(LocalDate.of(2026, 11, 20), false);
        assertThat(d.serveBy().date()).isEqualTo(LocalDate.of(2026, 12, 1));
        Instant from = Instant.parse("2026-12-01T16:00:00Z"); // 2026-12-02 00:00 in China
        assertThat(d.overdueFrom()).contains(from);
        assertThatThrownBy(() -> d.markedOverdue(from.minusSeconds(1))).isInstanceOf(IllegalStateException.class);
        var overdue = d.markedOverdue(from);
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.overdueFrom()).isEmpty();
        assertThat(overdue.served(paperAct(direct(LocalDate.of(2026, 12, 3)))).overdue()).isFalse();
        assertThat(decidedOn(LocalDate.of(2026, 11, 20), true).overdueFrom()).isEmpty();
    }
}
