package cn.gov.eco.notice.delivery.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A service of ONE of the two documents, as an officer reports it (e.g. the decision handed over one day and the
 * notice e-mailed two days later, DOMAIN.md §9 scenario 6). Accepted as a fact for the file, never as the dual
 * delivery: the delivery is flagged nonconforming (两书同达 requires one act for both, 国办发〔2025〕22号) and the
 * legal reviewer is alerted.
 *
 * @param valid         false when the reported service is not lawful at all, e.g. e-mail without an e-service
 *                      consent (《民事诉讼法》第九十条)
 * @param invalidReason why not, when not valid
 */
public record IrregularService(DocumentKind document, ServiceMethod method, LocalDate servedOn, boolean valid,
                               String invalidReason, String reportedBy, Instant reportedAt, String note,
                               List<String> evidenceIds) {

    public IrregularService {
        Objects.requireNonNull(document);
        Objects.requireNonNull(method);
        Objects.requireNonNull(servedOn);
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
