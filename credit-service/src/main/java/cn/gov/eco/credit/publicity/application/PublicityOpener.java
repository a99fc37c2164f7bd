package cn.gov.eco.credit.publicity.application;

import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.publicity.model.ClassificationRules;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.SeverityTier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Opens the publicity record when both documents have been served (两书同达 completed). The periods run from the
 * decision date (NDRC Order 36; DOMAIN.md §4.1) — not from service — but the record opens only once the enterprise
 * has the decision and the notice of its repair rights in hand: a decision takes effect on service, and 两书同达
 * exists so that no enterprise finds itself published before it learns how to repair.
 */
public class PublicityOpener {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PublicityRepository records;
    private final PublicityPeriods periods;
    private final ClassificationRules rules;
    private final boolean publishMinorByDefault;
    private final Clock clock;
    private final PublicityLifecycle lifecycle;

    public PublicityOpener(PublicityRepository records, PublicityPeriods periods, ClassificationRules rules,
                           boolean publishMinorByDefault, Clock clock, PublicityLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.records = records;
        this.periods = periods;
        this.rules = rules;
        this.publishMinorByDefault = publishMinorByDefault;
        this.clock = clock;
    }

    /**
     * Opens the record, then applies any revocation or amendment that arrived first (also on a redelivery, in case
     * the service stopped between the two).
     *
     * @return false when the record already existed (redelivery or replay)
     */
    public boolean onDualDeliveryCompleted(DualDeliveryCompletedMessage m) {
        boolean opened = open(m);
        lifecycle.applyPending(m.caseId());
        return opened;
    }

    private boolean open(DualDeliveryCompletedMessage m) {
        if (records.exists(m.caseId())) {
            return false;
        }
        var d = m.decision();
        var classified = rules.classify(periods, SeverityTier.valueOf(d.severityTier()), d.penaltyTypes(),
                d.decisionDate(), publishMinorByDefault);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        var record = PublicityRecord.open(m.caseId(), m.uscc(), m.enterpriseName(), d.documentNumber(),
                d.decisionDate(), m.serviceAct().servedDate(), classified, periods.rules().newest().ruleSetId(),
                today, clock.instant());
        return records.insertOpened(record);
    }
}
