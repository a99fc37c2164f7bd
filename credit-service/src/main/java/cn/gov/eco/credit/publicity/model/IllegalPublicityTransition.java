package cn.gov.eco.credit.publicity.model;

/** A transition DOMAIN.md §8.3 does not allow, e.g. a repair before the minimum period has passed. */
public class IllegalPublicityTransition extends RuntimeException {

    private final PublicityStatus from;
    private final PublicityStatus to;

    public IllegalPublicityTransition(String recordId, PublicityStatus from, PublicityStatus to, String why) {
        super("publicity record " + recordId + ": " + from + " → " + to + " refused: " + why);
        this.from = from;
        this.to = to;
    }

    public PublicityStatus from() {
        return from;
    }

    public PublicityStatus to() {
        return to;
    }
}
