package cn.gov.eco.credit.publicity.model;

import java.time.Instant;

/**
 * A decision under a rule set since replaced (Order 58 before 2026-04-01): its transitional treatment needs legal
 * confirmation (DOMAIN.md §0, §9 scenario 23; Order 36's transitional provision not read, §10 item 1).
 */
public record TransitionReview(String decisionRuleSetId, String currentRuleSetId, String confirmedBy,
                               String confirmedByName, Instant confirmedAt, String note) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
