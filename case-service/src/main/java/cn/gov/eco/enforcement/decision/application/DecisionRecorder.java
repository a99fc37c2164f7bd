package cn.gov.eco.enforcement.decision.application;

import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.enforcement.decision.model.Enterprise;
import cn.gov.eco.enforcement.decision.model.Penalty;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.Violation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Records a penalty decision: validate everything first, then one atomic write of the case and its event. */
public class DecisionRecorder {

    /** Dates are Asia/Shanghai dates (STYLE.md 6). */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DecisionValidator validator;
    private final CaseRepository repository;
    private final PublicityClassifier classifier;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public DecisionRecorder(DecisionValidator validator, CaseRepository repository, PublicityClassifier classifier,
                            Clock clock, Supplier<UUID> ids) {
        this.validator = validator;
        this.repository = repository;
        this.classifier = classifier;
        this.clock = clock;
        this.ids = ids;
    }

    public record Recorded(PenaltyDecision decision, List<Violation> warnings) {
    }

    /** The gate attestations of a registered decision, as stored and recorded (empty when none was given). */
    static java.util.Map<String, String> attestations(RecordDecisionRequest r) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (r.legalReview() != null) {
            m.put("legalReviewPassedOn", String.valueOf(r.legalReview().passedOn()));
            m.put("legalReviewer", String.valueOf(r.legalReview().reviewer()));
        }
        if (r.collectiveDiscussion() != null) {
            m.put("minutesReference", String.valueOf(r.collectiveDiscussion().minutesReference()));
            if (r.collectiveDiscussion().heldOn() != null) {
                m.put("collectiveDiscussionHeldOn", r.collectiveDiscussion().heldOn().toString());
            }
        }
        if (r.hearingRight() != null) {
            m.put("hearingRightOfferedOn", String.valueOf(r.hearingRight().offeredOn()));
            m.put("hearingOutcome", String.valueOf(r.hearingRight().outcome()));
        }
        return m;
    }

    /** The officer in {@code actor} records {@code r}; the officer is stored on the case as who recorded it. */
    public Recorded record(Actor actor, RecordDecisionRequest r) {
        var outcome = validator.validate(r, LocalDate.now(clock.withZone(CHINA)));
        if (!outcome.violations().isEmpty()) {
            throw new InvalidInputException(outcome.violations());
        }
        var e = r.enterprise();
        String caseId = ids.get().toString();
        var decision = new PenaltyDecision(caseId, ids.get().toString(), outcome.documentNumber(), r.decisionDate(),
                new Enterprise(outcome.normalisedUscc(), e.name().trim(), e.address().trim(),
                        e.legalRepresentative() == null ? null : e.legalRepresentative().trim(),
                        outcome.usccStatus()),
                r.penalties().stream().map(p -> new Penalty(PenaltyType.valueOf(p.type()),
                        p.amount() == null ? null : p.amount().setScale(2), p.description())).toList(),
                SeverityTier.valueOf(r.severityTier()), r.facts(), r.evidence(), r.violatedProvision(),
                r.penaltyBasisProvision(), r.discretionStatement(), r.issuingAgency().trim(), clock.instant(),
                r.nonRepairable() == null ? null : new NonRepairableDesignation(r.nonRepairable().legalBasis().trim(),
                        r.nonRepairable().reasonZh().trim()));
        // the one classification of the decision's publicity, carried in PenaltyDecided (notice and record read it)
        var plan = decision.publicityPlan(classifier);
        DecisionValidator.nonRepairableTier(r.nonRepairable() != null, plan);
        repository.insertDecided(decision, plan, actor.ref(Role.OFFICER), attestations(r));
        return new Recorded(decision, outcome.warnings());
    }
}
