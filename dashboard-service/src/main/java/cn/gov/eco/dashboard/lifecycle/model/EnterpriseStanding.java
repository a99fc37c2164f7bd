package cn.gov.eco.dashboard.lifecycle.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One enterprise's credit standing from credit.level.v1 and the compacted credit.enterprise-status.v1: its current
 * level and supervision tier, and the changes. The status topic alone is enough for a reader that starts late.
 */
public class EnterpriseStanding {

    public String uscc;
    /** GREEN, BLUE, YELLOW, RED or UNRATED */
    public String level;
    public String score;
    public String supervisionTier;
    public boolean positiveList;
    public List<LevelChange> changes = new ArrayList<>();

    /** Applies a change once: a redelivered event (same id) changes nothing. */
    public boolean addChange(LevelChange change) {
        if (changes.stream().anyMatch(c -> c.eventId().equals(change.eventId()))) {
            return false;
        }
        changes.add(change);
        return true;
    }
}
