package cn.gov.eco.platform.web;

import java.util.List;

/** Bad input: answered with 400 problem+json listing every violation; nothing is stored. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.rule()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
