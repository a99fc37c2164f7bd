package cn.gov.eco.notice.document;

/** A document could not be rendered, e.g. a character the font cannot print. */
public class DocumentRenderingException extends RuntimeException {

    public DocumentRenderingException(String message) {
        super(message);
    }

    public DocumentRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
