package cn.gov.eco.notice.document;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a 送达回证 (receipt of service) prints: both documents of 两书同达 on one receipt, the method, the time, who
 * received them and in what capacity, a refusal and its witness, the electronic channel or the public notice, and the
 * evidence kept (《民事诉讼法》第八十七条至第九十五条; DOMAIN.md §3). Texts are already in Chinese.
 *
 * @param documents        each served document as "《name》number"
 * @param servedAt         when it was served, in China's time; null when only the date is known
 * @param servedDate       the date of service (for a deemed service, the date the law deems)
 * @param receivedBy       who signed, with the capacity, e.g. 李海燕（法定代表人）; empty when nobody signed
 * @param electronic       channel, address, consent and the platform's message id of an electronic service; empty
 *                         otherwise
 * @param publicNotice     the medium and date of a public notice (公告送达); empty otherwise
 * @param deemedExplanation why the service is deemed on {@code servedDate}; empty when it is not deemed
 */
public record ServiceReceiptDocument(String caseNumber, String recipientName, String recipientUscc,
                                     List<String> documents, String methodZh, LocalDateTime servedAt,
                                     java.time.LocalDate servedDate, String receivedBy, String refusalReason,
                                     String witness, String forwarding, String electronic, String publicNotice,
                                     String deemedExplanation, List<String> evidenceIds, String recordedBy,
                                     LocalDateTime recordedAt, String issuingAgency) {

    public ServiceReceiptDocument {
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(methodZh, "methodZh");
        Objects.requireNonNull(servedDate, "servedDate");
        Objects.requireNonNull(issuingAgency, "issuingAgency");
        documents = documents == null ? List.of() : List.copyOf(documents);
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("a service receipt lists the documents served");
        }
    }
}
