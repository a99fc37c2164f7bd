package cn.gov.eco.enforcement.execution.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;

/** case-service's reading of {@code DualDeliveryCompleted.v1}: the act of service that starts the payment clock. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DualDeliveryCompletedMessage(String caseId, String deliveryId, String uscc, ServiceAct serviceAct,
                                           boolean conforming) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAct(String actId, String method, Instant servedAt, LocalDate servedDate, boolean deemed) {
    }

    public boolean complete() {
        return caseId != null && serviceAct != null && serviceAct.servedDate() != null;
    }
}
