package cn.gov.eco.credit.publicity.application;

import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.publicity.model.IllegalPublicityTransition;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccStatus;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;

import java.util.List;

/** An enterprise's publicity records, for its own users and for agency staff (DOMAIN.md §8.2); staff work lists. */
public class PublicityQueries {

    private final PublicityRepository records;
    private final AccessPolicy policy;
    private final PublicityLifecycle lifecycle;

    public PublicityQueries(PublicityRepository records, AccessPolicy policy, PublicityLifecycle lifecycle) {
        this.records = records;
        this.policy = policy;
        this.lifecycle = lifecycle;
    }

    public record PublicityRecords(String uscc, List<PublicityRecord> records) {
    }

    /** A staff work list. */
    public record WorkList(String list, int count, List<PublicityRecord> records) {
    }

    public PublicityRecords ofEnterprise(Actor actor, String uscc) {
        String normalized = validUscc(uscc);
        policy.requireEnterprise(actor, "publicity records", normalized);
        return new PublicityRecords(normalized, records.byEnterprise(normalized));
    }

    /** The USCC of a URL, normalised; 400 problem naming the rule when invalid. */
    public static String validUscc(String uscc) {
        UsccCheck check = Uscc.check(uscc);
        if (check.status() == UsccStatus.INVALID) {
            throw new InvalidInputException(check.violations().stream()
                    .map(v -> new Violation("uscc", v.code(), v.messageZh(), v.messageEn())).toList());
        }
        return check.normalized();
    }

    /** Records withdrawn because the decision was revoked or changed, with the T14 deadline and whether it was met. */
    public WorkList withdrawals() {
        var list = records.withdrawals();
        return new WorkList("withdrawals", list.size(), list);
    }

    /** Records under a replaced rule set whose transitional treatment awaits a legal reviewer's confirmation. */
    public WorkList transitional() {
        var list = records.transitionalUnconfirmed();
        return new WorkList("transitional-unconfirmed", list.size(), list);
    }

    /**
     * Records opened as served although this service's configuration would now plan them differently, awaiting a
     * legal reviewer (the served notice is the legal act; a correction is a new notice served again).
     */
    public WorkList planDifferences() {
        var list = records.planDifferencesUnreviewed();
        return new WorkList("plan-differences-unreviewed", list.size(), list);
    }

    public PublicityRecord reviewPlan(Actor actor, String recordId, String note) {
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException(new Violation("note", "TOO_LONG", "说明不得超过2000字",
                    "the note must not exceed 2,000 characters"));
        }
        try {
            return lifecycle.reviewPlan(recordId, actor.userId(), note);
        } catch (PublicityLifecycle.RecordNotFound e) {
            throw ProblemException.notFound("公示记录", "publicity record", recordId);
        } catch (IllegalPublicityTransition e) {
            throw ProblemException.conflict("NO_PLAN_DIFFERENCE_TO_REVIEW", "recordId",
                    "该公示记录没有待审核的公示方案差异（或已审核）",
                    "this record has no publicity plan difference awaiting review (or it was already reviewed)");
        }
    }

    public PublicityRecord confirmTransition(Actor actor, String recordId, String note) {
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException(new Violation("note", "TOO_LONG", "说明不得超过2000字",
                    "the note must not exceed 2,000 characters"));
        }
        try {
            return lifecycle.confirmTransition(recordId, actor.userId(), actor.name(), note);
        } catch (PublicityLifecycle.RecordNotFound e) {
            throw ProblemException.notFound("公示记录", "publicity record", recordId);
        } catch (IllegalPublicityTransition e) {
            throw ProblemException.conflict("NOT_AWAITING_TRANSITION_CONFIRMATION", "recordId",
                    "该公示记录不是待确认的过渡期记录（或已确认）",
                    "this record is not a transitional record awaiting confirmation (or was already confirmed)");
        }
    }
}
