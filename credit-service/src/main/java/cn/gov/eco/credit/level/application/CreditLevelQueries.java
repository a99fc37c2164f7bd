package cn.gov.eco.credit.level.application;

import cn.gov.eco.credit.level.model.CountedPenalty;
import cn.gov.eco.credit.level.model.CreditLevel;
import cn.gov.eco.credit.level.model.EnterpriseCreditLevel;
import cn.gov.eco.credit.level.model.LevelChange;
import cn.gov.eco.credit.level.model.Supervision;
import cn.gov.eco.credit.publicity.application.PublicityQueries;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The credit level as its enterprise and agency staff read it, and the positive-list decision of the agency head. */
public class CreditLevelQueries {

    private final CreditLevelService levels;
    private final AccessPolicy policy;

    public CreditLevelQueries(CreditLevelService levels, AccessPolicy policy) {
        this.levels = levels;
        this.policy = policy;
    }

    /** What the enterprise sees: its level, score, supervision, counted penalties and every change with its reason. */
    public record CreditLevelView(String uscc, String enterpriseName, CreditLevel level, String levelZh,
                                  BigDecimal score, boolean veto, boolean positiveList, Supervision supervision,
                                  int openPublicityRecords, List<CountedPenalty> penalties, List<LevelChange> history) {
        static CreditLevelView of(EnterpriseCreditLevel l) {
            return new CreditLevelView(l.uscc(), l.enterpriseName(), l.level(), l.level().nameZh(), l.score(),
                    l.veto(), l.positiveList(), l.supervision(), l.openPublicityRecords().size(), l.penalties(),
                    l.history());
        }
    }

    /** The body of a positive-list decision. */
    public record PositiveListDecision(Boolean onList, String reason) {
    }

    public CreditLevelView view(Actor actor, String uscc) {
        String normalized = PublicityQueries.validUscc(uscc);
        policy.requireEnterprise(actor, "credit level", normalized);
        return CreditLevelView.of(levels.find(normalized).orElseGet(() -> levels.unrated(normalized)));
    }

    /** 正面清单: set by the agency head, with the reason; lowers the inspection frequency except for RED. */
    public CreditLevelView setPositiveList(Actor actor, String uscc, PositiveListDecision body) {
        String normalized = PublicityQueries.validUscc(uscc);
        List<Violation> wrong = new ArrayList<>();
        if (body == null || body.onList() == null) {
            wrong.add(new Violation("onList", "REQUIRED", "须说明是否列入正面清单（true/false）",
                    "onList (true or false) is required"));
        }
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            wrong.add(new Violation("reason", "REQUIRED", "须填写列入或移出正面清单的理由", "a reason is required"));
        } else if (body.reason().length() > 500) {
            wrong.add(new Violation("reason", "TOO_LONG", "理由不得超过500字", "the reason must not exceed 500 characters"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return CreditLevelView.of(levels.setPositiveList(normalized, body.onList(), body.reason().strip(),
                actor.userId()));
    }
}
