package cn.gov.eco.notice.delivery.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What the 送达回证 (or the postal 回执) of a paper service records, as the officer transcribes it; which fields a
 * method needs is {@link ServiceRules#proofViolations}.
 *
 * @param servedOn              the date on the receipt: signing date (direct, entrusted, forwarded), the day the
 *                              documents were left (left at the premises), the receipt date on the 回执 (postal)
 * @param evidenceIds           uploaded scans or photos (the signed 回证, the 回执, the photos of leaving them)
 * @param refusalReason         留置送达: why the addressee refused
 * @param witnessName           留置送达: the representative of the grassroots organisation or workplace
 * @param entrustedOrgan        委托送达: the organ that served on the agency's behalf
 * @param forwardingInstitution 转交: the unit that forwarded (military unit, detention facility …)
 * @param trackingNumber        邮寄送达: the postal item number
 */
public record ServiceProof(ServiceMethod method, LocalDate servedOn, String signerName, SignerRole signerRole,
                           List<String> evidenceIds, String refusalReason, String witnessName,
                           String witnessOrganisation, String entrustedOrgan, String forwardingInstitution,
                           String trackingNumber, String note) {

    public ServiceProof {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
