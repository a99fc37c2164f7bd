package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.notice.delivery.infrastructure.ConsentRepository;
import cn.gov.eco.notice.delivery.infrastructure.EvidenceStore;
import cn.gov.eco.notice.delivery.model.EServiceConsent;
import cn.gov.eco.notice.delivery.model.ElectronicTarget;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccStatus;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static cn.gov.eco.notice.delivery.model.ServiceRules.CHINA;

/**
 * The enterprise's consent to electronic service (电子送达确认书 / 送达地址确认书, 《民事诉讼法》第九十条,
 * 《行政处罚法》第六十一条): recorded by an officer from the signed paper confirmation (its scan uploaded as
 * evidence), or given online by the enterprise itself, for its own USCC only; revocable. A consent is usable for
 * automatic electronic service when it is valid and names a channel this agency serves through.
 */
public class ConsentService {

    private final ConsentRepository consents;
    private final EvidenceStore evidence;
    private final AccessPolicy policy;
    private final Set<String> channels;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ConsentService(ConsentRepository consents, EvidenceStore evidence, AccessPolicy policy,
                          Set<String> channels, Clock clock, Supplier<UUID> ids) {
        this.consents = consents;
        this.evidence = evidence;
        this.policy = policy;
        this.channels = Set.copyOf(channels);
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param signedOn   the date on the signed confirmation (officer); the enterprise's online consent is signed today
     * @param evidenceId the uploaded scan of the signed confirmation (officer)
     */
    public record ConsentCommand(String channel, String address, LocalDate signedOn, String evidenceId) {
    }

    public record ConsentView(String uscc, EServiceConsent current, boolean valid, List<EServiceConsent> history) {
    }

    public Optional<EServiceConsent> valid(String uscc) {
        return consents.current(uscc).filter(EServiceConsent::valid);
    }

    /** Valid, and on a channel this agency serves through. */
    public Optional<EServiceConsent> usable(String uscc) {
        return valid(uscc).filter(c -> channels.contains(c.channel()));
    }

    /** Whether the enterprise still consents to electronic service on the attempt's channel and address. */
    public boolean stillConsented(String uscc, ElectronicTarget target) {
        return usable(uscc).map(c -> c.channel().equals(target.channel()) && c.address().equals(target.address()))
                .orElse(false);
    }

    public ConsentView view(Actor actor, String rawUscc) {
        String uscc = uscc(rawUscc);
        policy.requireEnterprise(actor, "e-service consent", uscc);
        var current = consents.current(uscc).orElseThrow(() -> ProblemException.notFound("电子送达地址确认书", "e-service consent",
                uscc));
        return new ConsentView(uscc, current, current.valid(), consents.history(uscc));
    }

    public EServiceConsent record(Actor actor, String rawUscc, ConsentCommand cmd) {
        String uscc = uscc(rawUscc);
        policy.requireEnterprise(actor, "e-service consent", uscc);
        if (cmd == null) {
            throw new InvalidInputException(new Violation("body", "REQUIRED", "请填写送达地址确认书内容",
                    "the consent is required"));
        }
        boolean online = !actor.isAgencyStaff() && actor.has(Role.ENTERPRISE);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        List<Violation> v = new ArrayList<>();
        if (cmd.channel() == null || !channels.contains(cmd.channel().trim())) {
            v.add(new Violation("channel", "CHANNEL_UNKNOWN", "送达确认书须载明本机关使用的电子送达渠道：" + channels,
                    "the consent must name a channel this agency serves through: " + channels));
        }
        String address = cmd.address() == null ? "" : cmd.address().trim();
        if (address.isEmpty()) {
            v.add(new Violation("address", "REQUIRED", "请填写受送达人确认的电子送达地址",
                    "the consented electronic address is required"));
        } else if (address.length() > 200) {
            v.add(new Violation("address", "TOO_LONG", "电子送达地址不能超过200个字符", "the address is too long"));
        }
        LocalDate signedOn = online ? today : cmd.signedOn();
        String evidenceRef;
        if (online) {
            evidenceRef = "online-consent:" + actor.userId() + ":" + now;
        } else {
            if (signedOn == null) {
                v.add(new Violation("signedOn", "REQUIRED", "请填写确认书签署日期", "the signing date is required"));
            } else if (signedOn.isAfter(today)) {
                v.add(new Violation("signedOn", "IN_FUTURE", "签署日期不能晚于今天", "the signing date is in the future"));
            }
            var scan = evidence.find(cmd.evidenceId());
            if (scan.isEmpty() || !Objects.equals(scan.get().uscc(), uscc)) {
                v.add(new Violation("evidenceId", "EVIDENCE_REQUIRED",
                        "请上传该企业签署的送达地址确认书扫描件（《行政处罚法》第六十一条）",
                        "upload the enterprise's signed confirmation first (Administrative Penalty Law Art. 61)"));
            }
            evidenceRef = cmd.evidenceId();
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        EServiceConsent consent = new EServiceConsent(ids.get().toString(), uscc, cmd.channel().trim(), address,
                signedOn, online ? EServiceConsent.Source.ENTERPRISE_ONLINE
                : EServiceConsent.Source.OFFICER_FROM_SIGNED_CONFIRMATION, evidenceRef, now, actor.userId(), null,
                null);
        consents.record(consent);
        return consent;
    }

    public EServiceConsent revoke(Actor actor, String rawUscc) {
        String uscc = uscc(rawUscc);
        policy.requireEnterprise(actor, "e-service consent", uscc);
        EServiceConsent current = valid(uscc).orElseThrow(() -> ProblemException.notFound(
                "有效的电子送达地址确认书", "valid e-service consent", uscc));
        EServiceConsent revoked = current.revoked(clock.instant(), actor.userId());
        if (!consents.revoke(revoked)) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "uscc", "确认书正被同时修改，请重试",
                    "the consent changed concurrently; try again");
        }
        return revoked;
    }

    static String uscc(String raw) {
        UsccCheck check = Uscc.check(raw);
        if (check.status() == UsccStatus.INVALID) {
            throw new InvalidInputException(check.violations().stream()
                    .map(v -> new Violation("uscc", v.code(), v.messageZh(), v.messageEn())).toList());
        }
        return check.normalized();
    }
}
