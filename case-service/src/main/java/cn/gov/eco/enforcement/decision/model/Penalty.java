package cn.gov.eco.enforcement.decision.model;

import java.math.BigDecimal;

/** One penalty of a decision: its type and, for fines and confiscated gains, the amount in CNY (fen-exact). */
public record Penalty(PenaltyType type, BigDecimal amount, String description) {
}
