package cn.gov.eco.platform.identity;

import java.util.List;

/** A 统一社会信用代码 was refused; {@link #check()} says why, with stable codes and zh/en messages. */
public class InvalidUsccException extends IllegalArgumentException {

    private final UsccCheck check;

    public InvalidUsccException(UsccCheck check) {
        super("统一社会信用代码无效 / invalid USCC '" + check.raw() + "' (" + check.status() + "): "
                + check.violations().stream().map(v -> v.code() + " " + v.messageEn()).toList());
        this.check = check;
    }

    public UsccCheck check() {
        return check;
    }

    public List<Violation> violations() {
        return check.violations();
    }

    /** The first error, the one a form shows next to the field. */
    public Violation violation() {
        return check.violations().getFirst();
    }
}
