package cn.gov.eco.enforcement.casefile.model;

import cn.gov.eco.enforcement.decision.model.PenaltyType;

import java.math.BigDecimal;

/** One penalty proposed (and, at the decision, imposed): its Art. 9 type and, for fines and confiscations, the amount. */
public record ProposedPenalty(PenaltyType type, BigDecimal amount, String description) {
}
