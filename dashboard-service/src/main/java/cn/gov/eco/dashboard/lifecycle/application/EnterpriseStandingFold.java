package cn.gov.eco.dashboard.lifecycle.application;

import cn.gov.eco.dashboard.lifecycle.model.EnterpriseStanding;
import cn.gov.eco.dashboard.lifecycle.model.LevelChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How credit.level.v1 and credit.enterprise-status.v1 change an enterprise's standing: the compacted status sets
 * the current level and tier (all a late reader needs), the level topic adds the changes, once per event id.
 */
public final class EnterpriseStandingFold {

    private final JsonMapper json;

    public EnterpriseStandingFold(JsonMapper json) {
        this.json = json;
    }

    public EnterpriseStanding apply(String uscc, ObservedEvent event, EnterpriseStanding current) {
        EnterpriseStanding e = current == null ? new EnterpriseStanding() : current;
        e.uscc = uscc;
        JsonNode p = json.readTree(event.payloadJson());
        switch (event.typeName()) {
            case "EnterpriseCreditStatus" -> {
                e.level = Json.text(p, "level");
                e.score = Json.text(p, "score");
                e.supervisionTier = Json.text(p.path("supervision"), "tier");
                e.positiveList = Boolean.TRUE.equals(Json.bool(p, "positiveList"));
            }
            case "CreditLevelChanged" -> {
                if (e.addChange(new LevelChange(event.eventId(), uscc, LevelChange.LEVEL, Json.text(p, "from"),
                        Json.text(p, "to"), Json.date(p, "changedOn"), Json.text(p, "reasonZh")))) {
                    e.level = Json.text(p, "to");
                    e.score = Json.text(p, "score");
                }
            }
            case "SupervisionTierChanged" -> {
                if (e.addChange(new LevelChange(event.eventId(), uscc, LevelChange.TIER, Json.text(p.path("from"), "tier"),
                        Json.text(p.path("to"), "tier"), Json.date(p, "changedOn"), Json.text(p, "reasonZh")))) {
                    e.supervisionTier = Json.text(p.path("to"), "tier");
                }
            }
            default -> {
            }
        }
        return e;
    }
}
