package cn.gov.eco.credit.level.model;

/** What a change of the evaluation raised: mapped to the {@code credit.level.v1} and enterprise-status types. */
public sealed interface LevelEvent {

    record LevelChanged(LevelChange change) implements LevelEvent {
    }

    record SupervisionChanged(Supervision from, Supervision to, String reasonZh, String reasonEn) implements LevelEvent {
    }

    /** The enterprise's current status, for the compacted topic; raised by every change. */
    record StatusChanged() implements LevelEvent {
    }
}
