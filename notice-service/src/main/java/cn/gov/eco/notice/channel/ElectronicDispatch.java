package cn.gov.eco.notice.channel;

import java.util.List;
import java.util.Objects;

/**
 * One electronic service act: the penalty decision and the repair-rights notice, always both (两书同达).
 *
 * @param deliveryId the dual delivery's id, the platform's idempotency key
 * @param address    the electronic address the enterprise consented to (送达地址确认书), e.g. its mailbox on the
 *                   platform
 * @param documents  exactly two: the decision and the notice
 */
public record ElectronicDispatch(String deliveryId, String caseId, String uscc, String enterpriseName,
                                 String address, List<DispatchedDocument> documents) {

    public ElectronicDispatch {
        Objects.requireNonNull(deliveryId);
        Objects.requireNonNull(address);
        documents = List.copyOf(documents);
        if (documents.size() != 2) {
            throw new IllegalArgumentException("an electronic service act carries both documents, got "
                    + documents.size());
        }
    }

    /**
     * @param kind           {@code PENALTY_DECISION} or {@code REPAIR_RIGHTS_NOTICE}
     * @param documentNumber the document's 文号
     * @param pdf            the sealed PDF
     * @param sha256         hex SHA-256 of {@code pdf}
     */
    public record DispatchedDocument(String kind, String documentNumber, String fileName, byte[] pdf, String sha256) {
    }
}
