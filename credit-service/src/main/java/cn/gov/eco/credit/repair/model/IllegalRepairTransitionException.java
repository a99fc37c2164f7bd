package cn.gov.eco.credit.repair.model;

/** A step the RepairApplication state machine (DOMAIN.md §8.3) does not allow from the current state. */
public class IllegalRepairTransitionException extends RuntimeException {

    private final RepairStatus from;
    private final RepairStatus to;

    public IllegalRepairTransitionException(RepairStatus from, RepairStatus to) {
        super("a repair application cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public RepairStatus from() {
        return from;
    }

    public RepairStatus to() {
        return to;
    }
}
