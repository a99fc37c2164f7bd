package cn.gov.eco.notice.document;

/** A template is malformed or names a field the document does not have. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
