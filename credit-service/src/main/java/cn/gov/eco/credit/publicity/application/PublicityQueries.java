package cn.gov.eco.credit.publicity.application;

import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccStatus;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.Violation;

import java.util.List;

/** An enterprise's publicity records, for its own users and for agency staff (DOMAIN.md §8.2). */
public class PublicityQueries {

    private final PublicityRepository records;
    private final AccessPolicy policy;

    public PublicityQueries(PublicityRepository records, AccessPolicy policy) {
        this.records = records;
        this.policy = policy;
    }

    public record PublicityRecords(String uscc, List<PublicityRecord> records) {
    }

    public PublicityRecords ofEnterprise(Actor actor, String uscc) {
        UsccCheck check = Uscc.check(uscc);
        if (check.status() == UsccStatus.INVALID) {
            throw new InvalidInputException(check.violations().stream()
                    .map(v -> new Violation("uscc", v.code(), v.messageZh(), v.messageEn())).toList());
        }
        policy.requireEnterprise(actor, "publicity records", check.normalized());
        return new PublicityRecords(check.normalized(), records.byEnterprise(check.normalized()));
    }
}
