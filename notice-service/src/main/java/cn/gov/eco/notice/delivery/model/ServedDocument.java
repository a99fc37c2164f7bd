package cn.gov.eco.notice.delivery.model;

import java.util.Objects;

/** One of the two documents as stored: its kind, id, document number and the SHA-256 of its PDF. */
public record ServedDocument(DocumentKind kind, String documentId, String documentNumber, String sha256) {

    public ServedDocument {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(documentId);
        Objects.requireNonNull(documentNumber);
        Objects.requireNonNull(sha256);
    }
}
