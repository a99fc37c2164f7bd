package cn.gov.eco.credit.repair.application;

import cn.gov.eco.credit.repair.infrastructure.RepairApplicationRepository;
import cn.gov.eco.credit.repair.infrastructure.RepairEvents;
import cn.gov.eco.credit.repair.model.RepairApplication;
import cn.gov.eco.credit.repair.model.RepairStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Pushes approved repair results to the external credit platform (T30: within the configured working days of the
 * approval), restart-safe: the pending sync is a state on the application, claimed with a lease, retried after a
 * backoff until the platform takes it; the application id is the idempotency key, so a result sent twice (a crash
 * after the platform answered) is recorded once there. RELIABILITY.md R7.
 */
public class RepairResultSync {

    private static final Logger log = LoggerFactory.getLogger(RepairResultSync.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RepairApplicationRepository applications;
    private final RepairEvents events;
    private final CreditPlatform platform;
    private final RepairProperties properties;
    private final Clock clock;

    public RepairResultSync(RepairApplicationRepository applications, RepairEvents events, CreditPlatform platform,
                            RepairProperties properties, Clock clock) {
        this.applications = applications;
        this.events = events;
        this.platform = platform;
        this.properties = properties;
        this.clock = clock;
    }

    /** Works through the syncs due now; returns how many were completed. */
    public int runOnce() {
        int done = 0;
        for (int i = 0; i < 100; i++) {
            Instant now = clock.instant();
            var claimed = applications.claimDueSync(now, properties.scheduler().lease());
            if (claimed.isEmpty()) {
                break;
            }
            var stored = claimed.get();
            RepairApplication a = stored.application();
            if (a.status() != RepairStatus.APPROVED) {
                // revoked before it was synced, or already completed: nothing to push
                applications.syncCancelled(a.applicationId(), "not approved any more: " + a.status());
                continue;
            }
            CreditPlatform.Receipt receipt;
            try {
                receipt = platform.send(new CreditPlatform.RepairResult(a.applicationId(), a.uscc(), a.recordId(),
                        a.caseId(), a.decisionDocumentNumber(), a.decidedDate(), a.applicationId()));
            } catch (CreditPlatform.Unavailable e) {
                log.warn("repair result {} not synced (attempt {}), will retry: {}", a.applicationId(),
                        stored.sync().attempts(), e.getMessage());
                applications.syncFailed(a.applicationId(), e.getMessage(), now.plus(properties.scheduler().retryBackoff()));
                break; // the platform is down: let the others wait for the next pass too
            }
            Instant at = clock.instant();
            LocalDate today = LocalDate.ofInstant(at, CHINA);
            RepairApplication synced = a.synced(receipt.reference(), stored.sync().attempts(), at);
            boolean overdue = a.syncDueBy() != null && today.isAfter(a.syncDueBy().date());
            if (applications.update(synced, stored.sequence(), List.of(events.synced(synced, stored.sequence() + 1,
                    properties.creditPlatform().name(), overdue)), false, at)) {
                done++;
            } else {
                // changed meanwhile (e.g. revoked): look at it again on the next pass
                applications.syncFailed(a.applicationId(), "changed during sync", at);
            }
        }
        return done;
    }
}
