package cn.gov.eco.credit.publicity.web;

import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccStatus;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** An enterprise's publicity records: how long each penalty stays public and when it may apply for repair. */
@RestController
@RequestMapping("/api/enterprises")
public class PublicityController {

    private final PublicityRepository records;

    public PublicityController(PublicityRepository records) {
        this.records = records;
    }

    public record PublicityRecords(String uscc, List<PublicityRecord> records) {
    }

    @GetMapping("/{uscc}/publicity-records")
    public PublicityRecords list(@PathVariable String uscc) {
        UsccCheck check = Uscc.check(uscc);
        if (check.status() == UsccStatus.INVALID) {
            throw new InvalidInputException(check.violations().stream()
                    .map(v -> new Violation("uscc", v.code(), v.messageZh(), v.messageEn())).toList());
        }
        return new PublicityRecords(check.normalized(), records.byEnterprise(check.normalized()));
    }
}
