package cn.gov.eco.enforcement.casefile.application;

import java.util.Set;

/**
 * The enforcement officers of the agency (执法人员, who hold enforcement certificates): a lead's co-investigator must be
 * one of them, so that a made-up name cannot take a real user's place in the two-officer rule (行政处罚法 第四十二条;
 * issue 16, row 5). The list is configuration ({@code enforcement.officers}), kept in step with the identity provider's
 * officer accounts.
 */
public record OfficerRoster(Set<String> userIds) {

    public OfficerRoster {
        userIds = Set.copyOf(userIds);
    }

    public boolean isOfficer(String userId) {
        return userId != null && userIds.contains(userId.trim());
    }
}
