package cn.gov.eco.credit.repair.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.time.Period;

/**
 * Settings of online credit repair ({@code credit.repair.*}). Every number marked [U] in DOMAIN.md is here, not in
 * code.
 *
 * @param timeLimits            T29/T30 working-day limits [U]
 * @param reapplicationBar      how long re-application is barred after a repair revoked for false materials [U]
 * @param rectificationRequired [I] whether a verified rectification is required of every decision
 * @param commitment            the published credit-commitment text (信用承诺书) and its version id
 * @param materials             upload limits
 * @param creditPlatform        the external credit platform (信用中国) the results are synced to
 * @param scheduler             how often the sync and the repair-window reminder look for due work
 */
@ConfigurationProperties("credit.repair")
public record RepairProperties(TimeLimits timeLimits, Period reapplicationBar, Boolean rectificationRequired,
                               Commitment commitment, Materials materials, CreditPlatform creditPlatform,
                               Scheduler scheduler) {

    public RepairProperties {
        timeLimits = timeLimits == null ? new TimeLimits(0, 0, 0, 0) : timeLimits;
        reapplicationBar = reapplicationBar == null ? Period.ofYears(3) : reapplicationBar;
        rectificationRequired = rectificationRequired == null ? Boolean.TRUE : rectificationRequired;
        commitment = commitment == null ? new Commitment(null, null) : commitment;
        materials = materials == null ? new Materials(0, 0, 0) : materials;
        creditPlatform = creditPlatform == null ? new CreditPlatform(null, null) : creditPlatform;
        scheduler = scheduler == null ? new Scheduler(null, null, null, null) : scheduler;
    }

    /** [U] all four: one secondary source gives 3 / 7 / +10 working days; Order 58 gave 3 for the sync. */
    public record TimeLimits(int acceptanceWorkingDays, int decisionWorkingDays, int extensionWorkingDays,
                             int syncWorkingDays) {
        public TimeLimits {
            acceptanceWorkingDays = acceptanceWorkingDays <= 0 ? 3 : acceptanceWorkingDays;
            decisionWorkingDays = decisionWorkingDays <= 0 ? 7 : decisionWorkingDays;
            extensionWorkingDays = extensionWorkingDays <= 0 ? 10 : extensionWorkingDays;
            syncWorkingDays = syncWorkingDays <= 0 ? 3 : syncWorkingDays;
        }
    }

    public record Commitment(String versionId, String textZh) {
        public Commitment {
            versionId = versionId == null ? "QZ-EEB-CREDIT-COMMITMENT-2026-1" : versionId;
            textZh = textZh == null ? "本单位郑重承诺：已纠正失信行为并履行相关法定义务，所提交材料真实、准确、完整；"
                    + "如有虚假，自愿接受撤销信用修复决定、恢复公示并依法承担相应责任。" : textZh;
        }
    }

    /** Per-file and total size of the materials of one submission, and how many files. */
    public record Materials(long maxFileBytes, long maxTotalBytes, int maxFiles) {
        public Materials {
            maxFileBytes = maxFileBytes <= 0 ? 10L * 1024 * 1024 : maxFileBytes;
            maxTotalBytes = maxTotalBytes <= 0 ? 30L * 1024 * 1024 : maxTotalBytes;
            maxFiles = maxFiles <= 0 ? 10 : maxFiles;
        }
    }

    public record CreditPlatform(URI baseUrl, String name) {
        public CreditPlatform {
            baseUrl = baseUrl == null ? URI.create("http://localhost:9100") : baseUrl;
            name = name == null ? "CREDIT_CHINA" : name;
        }
    }

    /**
     * @param syncInterval   how often pending syncs are looked for
     * @param retryBackoff   how long a failed sync waits before its next attempt
     * @param lease          how long a claimed piece of work stays claimed (a crashed instance's claim runs out)
     * @param windowInterval how often records whose repair window opens today are looked for
     */
    public record Scheduler(Duration syncInterval, Duration retryBackoff, Duration lease, Duration windowInterval) {
        public Scheduler {
            syncInterval = syncInterval == null ? Duration.ofSeconds(5) : syncInterval;
            retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
            lease = lease == null ? Duration.ofSeconds(60) : lease;
            windowInterval = windowInterval == null ? Duration.ofMinutes(1) : windowInterval;
        }
    }
}
