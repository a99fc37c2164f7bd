package cn.gov.eco.credit.repair.application;

import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.credit.repair.infrastructure.MaterialStore;
import cn.gov.eco.credit.repair.infrastructure.RepairApplicationRepository;
import cn.gov.eco.credit.repair.infrastructure.RepairEvents;
import cn.gov.eco.credit.repair.infrastructure.RepairFactsRepository;
import cn.gov.eco.credit.repair.model.IllegalRepairTransitionException;
import cn.gov.eco.credit.repair.model.Material;
import cn.gov.eco.credit.repair.model.MaterialType;
import cn.gov.eco.credit.repair.model.RepairApplication;
import cn.gov.eco.credit.repair.model.RepairApplication.ApplicationForm;
import cn.gov.eco.credit.repair.model.RepairApplication.CommitmentAcceptance;
import cn.gov.eco.credit.repair.model.RepairEligibility;
import cn.gov.eco.credit.repair.model.RepairFacts;
import cn.gov.eco.credit.repair.model.RepairStatus;
import cn.gov.eco.credit.repair.model.RepairTimeLimits;
import cn.gov.eco.credit.repair.model.UnmetCondition;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccStatus;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Online credit repair for the enterprise and its review by the credit administrator (认定单位): what is still
 * missing before it may apply, submission with the pre-check (BLOCKED or RECEIVED), materials, supplement,
 * withdrawal, and every review step of the state machine (DOMAIN.md §8.3), each written with its event in one write.
 * An enterprise acts only on its own USCC; only a credit reviewer reviews (§8.2).
 */
public class RepairApplications {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$");
    private static final List<RepairStatus> QUEUE = List.of(RepairStatus.RECEIVED, RepairStatus.UNDER_REVIEW,
            RepairStatus.UNDER_REVIEW_EXTENDED, RepairStatus.APPROVED);

    private final RepairFactsRepository facts;
    private final RepairApplicationRepository applications;
    private final MaterialStore materials;
    private final RepairEvents events;
    private final RepairEligibility eligibility;
    private final RepairTimeLimits limits;
    private final RepairProperties properties;
    private final CreditCommitment commitment;
    private final AccessPolicy policy;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public RepairApplications(RepairFactsRepository facts, RepairApplicationRepository applications,
                              MaterialStore materials, RepairEvents events, RepairEligibility eligibility,
                              RepairTimeLimits limits, RepairProperties properties, AccessPolicy policy, Clock clock,
                              Supplier<UUID> ids) {
        this.facts = facts;
        this.applications = applications;
        this.materials = materials;
        this.events = events;
        this.eligibility = eligibility;
        this.limits = limits;
        this.properties = properties;
        this.commitment = CreditCommitment.of(properties.commitment().versionId(), properties.commitment().textZh());
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
    }

    // ---------------------------------------------------------------- views

    public record FineStatus(BigDecimal totalFine, BigDecimal outstanding, boolean fullyPaid, LocalDate lastPaidDate) {
    }

    /** One publicity record as the enterprise sees it before applying. */
    public record RecordEligibility(String recordId, String caseId, String decisionDocumentNumber,
                                    LocalDate decisionDate, String severityTier, String publicityStatus,
                                    boolean eligible, List<UnmetCondition> unmet,
                                    ExplainedDate earliestApplicationDate, ExplainedDate minPeriodEnd,
                                    ExplainedDate maxPeriodEnd, FineStatus fine, LocalDate rectificationVerifiedOn,
                                    LocalDate repairWindowOpenedOn) {
    }

    public record EligibilityView(String uscc, LocalDate today, CreditCommitment commitment,
                                  List<RecordEligibility> records) {
    }

    /** An application with its status in Chinese and its overdue flags as of today. */
    public record ApplicationView(RepairApplication application, String statusZh, List<String> overdue) {
    }

    public record ApplicationList(String uscc, List<ApplicationView> applications) {
    }

    public record QueueItem(String applicationId, String uscc, String recordId, String decisionDocumentNumber,
                            RepairStatus status, String statusZh, Instant submittedAt, ExplainedDate dueBy,
                            List<String> overdue) {
    }

    public record Queue(LocalDate today, List<QueueItem> items) {
    }

    /** A submission's outcome: RECEIVED (pending) or BLOCKED with the reasons. */
    public record Submission(ApplicationView view, boolean blocked) {
    }

    // ---------------------------------------------------------------- commands

    public record CommitmentInput(String versionId, String sha256, Boolean accepted) {
    }

    public record SubmitRequest(String recordId, String contactName, String contactPhone, String statement,
                                CommitmentInput commitment) {
    }

    public record Upload(String filename, byte[] content) {
    }

    public enum ReviewAction { ACCEPT, NOT_ACCEPT, REQUEST_SUPPLEMENT, EXTEND, APPROVE, DENY, REVOKE }

    public record DecisionRequest(ReviewAction action, String reason) {
    }

    /** The published commitment text the enterprise accepts when it applies (the same for every enterprise). */
    public CreditCommitment commitment(Actor actor, String rawUscc) {
        enterprise(actor, rawUscc, "credit commitment");
        return commitment;
    }

    // ---------------------------------------------------------------- enterprise side

    public EligibilityView eligibility(Actor actor, String rawUscc) {
        String uscc = enterprise(actor, rawUscc, "repair eligibility");
        LocalDate today = today();
        List<RecordEligibility> out = new ArrayList<>();
        for (RepairFacts f : facts.byEnterprise(uscc)) {
            if (!f.publicityKnown()) {
                continue;
            }
            var a = eligibility.assess(f, today, false, applications.openFor(f.recordId()));
            var pay = f.latestPayment();
            boolean noFine = f.totalFine() != null && f.totalFine().signum() == 0;
            out.add(new RecordEligibility(f.recordId(), f.caseId(), f.decisionDocumentNumber(), f.decisionDate(),
                    f.severityTier(), f.publicityStatus(), a.eligible(), a.unmet(), f.earliestApplicationDate(),
                    f.minPeriodEnd(), f.maxPeriodEnd(),
                    new FineStatus(f.totalFine(), pay.map(p -> p.outstanding()).orElse(f.totalFine()),
                            noFine || pay.map(p -> p.fullyPaid()).orElse(false),
                            pay.map(p -> p.paidDate()).orElse(null)),
                    f.rectificationVerifiedOn(), f.windowOpenedOn()));
        }
        return new EligibilityView(uscc, today, commitment, out);
    }

    public Submission submit(Actor actor, String rawUscc, SubmitRequest request, List<Upload> uploads) {
        String uscc = enterprise(actor, rawUscc, "repair application");
        Role role = policy.requireRole(actor, "submit a repair application", List.of(Role.ENTERPRISE), true);
        validate(request);
        List<Checked> files = check(uploads);
        boolean accepted = Boolean.TRUE.equals(request.commitment().accepted());
        if (accepted && (!commitment.versionId().equals(request.commitment().versionId())
                || !commitment.sha256().equalsIgnoreCase(String.valueOf(request.commitment().sha256())))) {
            throw new InvalidInputException(new Violation("commitment", "COMMITMENT_VERSION_MISMATCH",
                    "所承诺的信用承诺书不是当前公布的版本（" + commitment.versionId() + "）",
                    "the commitment accepted is not the published version " + commitment.versionId()));
        }
        RepairFacts f = facts.find(request.recordId().trim()).filter(RepairFacts::publicityKnown)
                .orElseThrow(() -> ProblemException.notFound("公示记录", "publicity record", request.recordId()));
        if (!uscc.equals(f.uscc())) {
            throw policy.deny(actor, "repair application for record " + f.recordId(), AccessPolicy.ENTERPRISE_SCOPE,
                    "企业用户只能为本企业的公示信息申请信用修复",
                    "an enterprise applies for repair of its own records only");
        }
        if (applications.openFor(f.recordId())) {
            throw alreadyOpen();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        var by = new RepairApplication.Actor(actor.userId(), role.name());
        var form = new ApplicationForm(request.contactName().trim(), request.contactPhone().trim(),
                request.statement() == null ? null : request.statement().trim());
        var acceptance = accepted ? new CommitmentAcceptance(commitment.versionId(), commitment.sha256(), now) : null;
        String id = ids.get().toString();
        var assessment = eligibility.assess(f, today, accepted, false);
        if (!assessment.eligible()) {
            // DOMAIN.md §8.3: an application that fails the pre-check is BLOCKED, not pending; no file is kept.
            RepairApplication blocked = RepairApplication.blocked(id, f, form, acceptance, assessment.unmet(), today,
                    now, by);
            applications.insert(blocked, List.of(events.blocked(blocked, 1)));
            return new Submission(view(blocked, today), true);
        }
        List<Material> stored = new ArrayList<>();
        for (Checked c : files) {
            String fileId = materials.store(id, uscc, c.filename, c.type.mediaType(), c.sha256, c.content);
            stored.add(new Material(fileId, c.filename, c.type.mediaType(), c.content.length, c.sha256, false));
        }
        RepairApplication received = RepairApplication.received(id, f, form, acceptance, stored, today, now,
                limits.acceptanceDueBy(today), by);
        if (!applications.insert(received, List.of(events.submitted(received, 1, false)))) {
            materials.deleteAll(stored.stream().map(Material::fileId).toList());
            throw alreadyOpen();
        }
        return new Submission(view(received, today), false);
    }

    public ApplicationList list(Actor actor, String rawUscc) {
        String uscc = enterprise(actor, rawUscc, "repair applications");
        LocalDate today = today();
        return new ApplicationList(uscc, applications.byEnterprise(uscc).stream().map(a -> view(a, today)).toList());
    }

    public ApplicationView get(Actor actor, String rawUscc, String applicationId) {
        String uscc = enterprise(actor, rawUscc, "repair application");
        return view(own(uscc, applicationId).application(), today());
    }

    /** 补正: the applicant adds materials (and may restate) and the application is received again. */
    public ApplicationView resubmit(Actor actor, String rawUscc, String applicationId, String statement,
                                    List<Upload> uploads) {
        String uscc = enterprise(actor, rawUscc, "repair application");
        Role role = policy.requireRole(actor, "supplement a repair application", List.of(Role.ENTERPRISE), true);
        if (statement != null && statement.length() > 2000) {
            throw new InvalidInputException(new Violation("statement", "TOO_LONG", "说明不得超过2000字",
                    "the statement must not exceed 2000 characters"));
        }
        List<Checked> files = check(uploads);
        if (files.isEmpty()) {
            throw new InvalidInputException(new Violation("materials", "REQUIRED", "补正须上传至少一份材料",
                    "a supplement needs at least one file"));
        }
        var stored = own(uscc, applicationId);
        var current = stored.application();
        if (current.status() != RepairStatus.SUPPLEMENT_REQUESTED) {
            throw illegal(new IllegalRepairTransitionException(current.status(), RepairStatus.RECEIVED));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        List<Material> added = new ArrayList<>();
        for (Checked c : files) {
            String fileId = materials.store(applicationId, uscc, c.filename, c.type.mediaType(), c.sha256, c.content);
            added.add(new Material(fileId, c.filename, c.type.mediaType(), c.content.length, c.sha256, true));
        }
        var next = current.resubmit(added, statement, today, limits.acceptanceDueBy(today), now,
                new RepairApplication.Actor(actor.userId(), role.name()));
        if (!applications.update(next, stored.sequence(), List.of(events.submitted(next, stored.sequence() + 1, true)),
                false, now)) {
            materials.deleteAll(added.stream().map(Material::fileId).toList());
            throw concurrent();
        }
        return view(next, today);
    }

    public ApplicationView withdraw(Actor actor, String rawUscc, String applicationId) {
        String uscc = enterprise(actor, rawUscc, "repair application");
        Role role = policy.requireRole(actor, "withdraw a repair application", List.of(Role.ENTERPRISE), true);
        var stored = own(uscc, applicationId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        RepairApplication next;
        try {
            next = stored.application().withdraw(now, new RepairApplication.Actor(actor.userId(), role.name()));
        } catch (IllegalRepairTransitionException e) {
            throw illegal(e);
        }
        save(next, stored, List.of(events.withdrawn(next, stored.sequence() + 1, today)), false, now);
        return view(next, today);
    }

    // ---------------------------------------------------------------- reviewer side

    /**
     * For operators' meters: how many open applications are past each time limit today (ACCEPTANCE_OVERDUE,
     * DECISION_OVERDUE, SYNC_OVERDUE; {@link RepairApplication#overdue}), every limit present, zero included.
     */
    public Map<String, Long> overdueCounts() {
        LocalDate today = today();
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String limit : RepairApplication.OVERDUE_LIMITS) {
            counts.put(limit, 0L);
        }
        for (RepairApplication a : applications.withStatus(QUEUE)) {
            a.overdue(today).forEach(flag -> counts.merge(flag, 1L, Long::sum));
        }
        return counts;
    }

    public Queue queue(Actor actor) {
        policy.requireRole(actor, "repair review queue",
                List.of(Role.CREDIT_REVIEWER, Role.AGENCY_HEAD, Role.AUDITOR), false);
        LocalDate today = today();
        List<QueueItem> items = new ArrayList<>();
        for (RepairApplication a : applications.withStatus(QUEUE)) {
            ExplainedDate due = switch (a.status()) {
                case RECEIVED -> a.acceptanceDueBy();
                case APPROVED -> a.syncDueBy();
                default -> a.decisionDueBy();
            };
            items.add(new QueueItem(a.applicationId(), a.uscc(), a.recordId(), a.decisionDocumentNumber(), a.status(),
                    a.status().zh(), a.submittedAt(), due, a.overdue(today)));
        }
        // Overdue first, then the oldest: nobody's application waits behind newer ones.
        items.sort(Comparator.comparing((QueueItem i) -> i.overdue().isEmpty())
                .thenComparing(QueueItem::submittedAt));
        return new Queue(today, items);
    }

    public ApplicationView review(Actor actor, String applicationId) {
        policy.requireRole(actor, "repair application", List.of(Role.CREDIT_REVIEWER, Role.AGENCY_HEAD,
                Role.AUDITOR), false);
        var stored = applications.find(applicationId)
                .orElseThrow(() -> ProblemException.notFound("信用修复申请", "repair application", applicationId));
        return view(stored.application(), today());
    }

    /** One file of an application's materials, for the reviewer (the content type found in its bytes). */
    public record MaterialContent(Material material, byte[] content) {
    }

    public MaterialContent material(Actor actor, String applicationId, String fileId) {
        policy.requireRole(actor, "repair material", List.of(Role.CREDIT_REVIEWER, Role.AGENCY_HEAD, Role.AUDITOR),
                false);
        var a = applications.find(applicationId)
                .orElseThrow(() -> ProblemException.notFound("信用修复申请", "repair application", applicationId)).application();
        Material m = a.materials().stream().filter(x -> x.fileId().equals(fileId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("申请材料", "material", fileId));
        byte[] content = materials.read(applicationId, fileId)
                .orElseThrow(() -> ProblemException.notFound("申请材料", "material", fileId));
        return new MaterialContent(m, content);
    }

    /** One review step. An enterprise user can never review: the role check comes first (§8.2). */
    public ApplicationView decide(Actor actor, String applicationId, DecisionRequest request) {
        Role role = policy.requireRole(actor, "review a repair application", List.of(Role.CREDIT_REVIEWER), true);
        if (request == null || request.action() == null) {
            throw new InvalidInputException(new Violation("action", "REQUIRED", "须指明审核操作",
                    "the review action is required: " + Arrays.toString(ReviewAction.values())));
        }
        String reason = request.reason() == null ? null : request.reason().trim();
        Set<ReviewAction> needReason = Set.of(ReviewAction.NOT_ACCEPT, ReviewAction.REQUEST_SUPPLEMENT,
                ReviewAction.EXTEND, ReviewAction.DENY, ReviewAction.REVOKE);
        if (needReason.contains(request.action()) && (reason == null || reason.isEmpty())) {
            throw new InvalidInputException(new Violation("reason", "REQUIRED",
                    "该操作须说明理由（理由将告知申请人）", "this step needs a reason (shown to the applicant)"));
        }
        if (reason != null && reason.length() > 2000) {
            throw new InvalidInputException(new Violation("reason", "TOO_LONG", "理由不得超过2000字",
                    "the reason must not exceed 2000 characters"));
        }
        var stored = applications.find(applicationId)
                .orElseThrow(() -> ProblemException.notFound("信用修复申请", "repair application", applicationId));
        var a = stored.application();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        var by = new RepairApplication.Actor(actor.userId(), role.name());
        long seq = stored.sequence() + 1;
        RepairApplication next;
        List<OutboxEvent> raised;
        boolean syncPending = false;
        try {
            switch (request.action()) {
                case ACCEPT -> {
                    next = a.accept(today, limits.decisionDueBy(today), now, by);
                    raised = List.of(events.accepted(next, seq));
                }
                case NOT_ACCEPT -> {
                    next = a.notAccept(today, reason, now, by);
                    raised = List.of(events.notAccepted(next, seq));
                }
                case REQUEST_SUPPLEMENT -> {
                    next = a.requestSupplement(reason, now, by);
                    raised = List.of(events.supplementRequested(next, seq, today));
                }
                case EXTEND -> {
                    // T29: extension for a complex case or verification, counted from the original limit.
                    ExplainedDate due = a.decisionDueBy() == null ? null : limits.extendedDueBy(a.decisionDueBy().date());
                    next = a.extend(reason, due, now, by);
                    raised = List.of();
                }
                case APPROVE -> {
                    next = a.approve(today, limits.syncDueBy(today), now, by);
                    raised = List.of(events.approved(next, seq));
                    syncPending = true;
                }
                case DENY -> {
                    next = a.deny(today, reason, now, by);
                    raised = List.of(events.denied(next, seq));
                }
                case REVOKE -> {
                    // [U] re-application bar after false materials (Order 36; period from configuration).
                    next = a.revoke(today, reason, today.plus(properties.reapplicationBar()), now, by);
                    raised = List.of(events.revoked(next, seq));
                }
                default -> throw new IllegalStateException(request.action().name());
            }
        } catch (IllegalRepairTransitionException e) {
            throw illegal(e);
        }
        save(next, stored, raised, syncPending, now);
        return view(next, today);
    }

    // ---------------------------------------------------------------- helpers

    private void save(RepairApplication next, RepairApplicationRepository.Stored stored, List<OutboxEvent> raised,
                      boolean syncPending, Instant now) {
        if (!applications.update(next, stored.sequence(), raised, syncPending, now)) {
            throw concurrent();
        }
    }

    private RepairApplicationRepository.Stored own(String uscc, String applicationId) {
        return applications.find(applicationId).filter(s -> uscc.equals(s.application().uscc()))
                .orElseThrow(() -> ProblemException.notFound("信用修复申请", "repair application", applicationId));
    }

    /** The URL's USCC, valid, and one the actor may act for: checked before anything is read or stored. */
    private String enterprise(Actor actor, String rawUscc, String what) {
        UsccCheck check = Uscc.check(rawUscc);
        if (check.status() == UsccStatus.INVALID) {
            throw new InvalidInputException(check.violations().stream()
                    .map(v -> new Violation("uscc", v.code(), v.messageZh(), v.messageEn())).toList());
        }
        policy.requireEnterprise(actor, what, check.normalized());
        return check.normalized();
    }

    private ApplicationView view(RepairApplication a, LocalDate today) {
        return new ApplicationView(a, a.status().zh(), a.overdue(today));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    private static ProblemException illegal(IllegalRepairTransitionException e) {
        return ProblemException.conflict("ILLEGAL_TRANSITION", "status",
                "信用修复申请当前状态（" + e.from().zh() + "）不允许此操作",
                "a repair application cannot go from " + e.from() + " to " + e.to());
    }

    private static ProblemException alreadyOpen() {
        return ProblemException.conflict(UnmetCondition.APPLICATION_ALREADY_OPEN, "recordId",
                "该公示信息已有正在办理的信用修复申请", "an application for this record is already being handled");
    }

    private static ProblemException concurrent() {
        return ProblemException.conflict("CONCURRENT_CHANGE", null, "申请已被他人同时修改，请刷新后重试",
                "the application was changed at the same time; reload and try again");
    }

    private static void validate(SubmitRequest r) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            throw new InvalidInputException(new Violation("application", "REQUIRED", "缺少申请表", "the form is missing"));
        }
        if (blank(r.recordId())) {
            v.add(new Violation("recordId", "REQUIRED", "须指明申请修复的公示信息", "recordId is required"));
        }
        if (blank(r.contactName()) || r.contactName().trim().length() > 50) {
            v.add(new Violation("contactName", "REQUIRED", "须填写联系人（不超过50字）",
                    "contactName is required (at most 50 characters)"));
        }
        if (blank(r.contactPhone()) || !PHONE.matcher(r.contactPhone().trim()).matches()) {
            v.add(new Violation("contactPhone", "PHONE_FORMAT", "联系电话须为11位手机号码或带区号的固定电话",
                    "contactPhone must be an 11-digit mobile number or a landline with area code"));
        }
        if (r.statement() != null && r.statement().length() > 2000) {
            v.add(new Violation("statement", "TOO_LONG", "说明不得超过2000字",
                    "the statement must not exceed 2000 characters"));
        }
        if (r.commitment() == null || r.commitment().accepted() == null) {
            v.add(new Violation("commitment.accepted", "REQUIRED", "须表明是否作出信用承诺",
                    "commitment.accepted is required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private record Checked(String filename, MaterialType type, String sha256, byte[] content) {
    }

    /** Every file checked (count, emptiness, size, type by content) before any is stored. */
    private List<Checked> check(List<Upload> uploads) {
        var limits = properties.materials();
        List<Upload> all = uploads == null ? List.of() : uploads;
        if (all.size() > limits.maxFiles()) {
            throw new InvalidInputException(new Violation("materials", "TOO_MANY_FILES",
                    "材料不得超过" + limits.maxFiles() + "个文件", "at most " + limits.maxFiles() + " files"));
        }
        long total = 0;
        List<Checked> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Upload u = all.get(i);
            String field = "materials[" + i + "]";
            byte[] content = u.content() == null ? new byte[0] : u.content();
            if (content.length == 0) {
                throw new InvalidInputException(new Violation(field, "MATERIAL_EMPTY", "上传的文件为空",
                        "the uploaded file is empty"));
            }
            if (content.length > limits.maxFileBytes()) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "MATERIAL_TOO_LARGE", field,
                        "单个文件不得超过" + limits.maxFileBytes() + "字节",
                        "a file must not exceed " + limits.maxFileBytes() + " bytes");
            }
            total += content.length;
            if (total > limits.maxTotalBytes()) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "MATERIALS_TOO_LARGE", "materials",
                        "材料合计不得超过" + limits.maxTotalBytes() + "字节",
                        "the materials together must not exceed " + limits.maxTotalBytes() + " bytes");
            }
            MaterialType type = MaterialType.detect(Arrays.copyOf(content, Math.min(content.length,
                    MaterialType.SIGNATURE_LENGTH))).orElseThrow(() -> new InvalidInputException(new Violation(field,
                    "MATERIAL_TYPE_NOT_ALLOWED", "仅接受PDF、JPEG、PNG文件（按文件内容识别，与文件名无关）",
                    "only PDF, JPEG and PNG files are accepted (recognised by content, whatever the name)")));
            out.add(new Checked(filename(u.filename(), type), type, sha256(content), content));
        }
        return out;
    }

    private static String filename(String raw, MaterialType type) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
        if (name.isEmpty()) {
            name = "material." + type.name().toLowerCase();
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        return CreditCommitment.sha256Hex(content);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
