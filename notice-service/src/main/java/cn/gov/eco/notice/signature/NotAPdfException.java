package cn.gov.eco.notice.signature;

/** The bytes given to verify are not a PDF at all (no {@code %PDF-} header): bad input, not an invalid document. */
public class NotAPdfException extends IllegalArgumentException {

    public NotAPdfException() {
        super("not a PDF: no %PDF- header in the first 1024 bytes");
    }
}
