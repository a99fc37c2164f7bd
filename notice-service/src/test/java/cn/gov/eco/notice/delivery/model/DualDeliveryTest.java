package cn.gov.eco.notice.delivery.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DualDeliveryTest {

    static final ServedDocument DECISION = new ServedDocument(DocumentKind.PENALTY_DECISION, "c1-decision",
            "泉环罚〔2026〕58号", "a".repeat(64));
    static final ServedDocument NOTICE = new ServedDocument(DocumentKind.REPAIR_RIGHTS_NOTICE, "c1-notice",
            "泉环信修〔2026〕58号", "b".repeat(64));
    static final ServiceAct ACT = new ServiceAct("act-1", ServiceMethod.ELECTRONIC,
            Instant.parse("2026-11-23T02:00:00Z"), LocalDate.of(2026, 11, 23), false, "e-delivery");

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
                DualDelivery.Status.SERVED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DualDelivery.prepared("c1", "u", "n", DECISION, NOTICE, null).conforming()).isFalse();
    }
}
