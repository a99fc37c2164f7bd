package cn.gov.eco.credit.publicity.application;

import cn.gov.eco.platform.publicity.ClassifiedPlan;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * credit-service's reading of {@code DualDeliveryCompleted.v1}: what it needs to open the publicity record, with the
 * publicity plan that was served (absent in events from before the plan was carried).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DualDeliveryCompletedMessage(String caseId, String deliveryId, String uscc, String enterpriseName,
                                           Decision decision, ServiceAct serviceAct, boolean conforming) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(String documentNumber, LocalDate decisionDate, String severityTier,
                           List<String> penaltyTypes, ClassifiedPlan publicityPlan) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAct(String method, LocalDate servedDate, boolean deemed) {
    }
}
