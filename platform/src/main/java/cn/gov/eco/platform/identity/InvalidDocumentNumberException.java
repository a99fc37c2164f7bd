package cn.gov.eco.platform.identity;

import java.util.List;

/** A 文号 was refused; {@link #violations()} carries stable codes and zh/en messages. */
public class InvalidDocumentNumberException extends IllegalArgumentException {

    private final String raw;
    private final List<Violation> violations;

    public InvalidDocumentNumberException(String raw, List<Violation> violations) {
        super("文号无效 / invalid document number '" + raw + "': "
                + violations.stream().map(v -> v.code() + " " + v.messageEn()).toList());
        this.raw = raw;
        this.violations = List.copyOf(violations);
    }

    public String raw() {
        return raw;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Violation violation() {
        return violations.getFirst();
    }
}
