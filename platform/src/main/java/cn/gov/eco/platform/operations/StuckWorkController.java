package cn.gov.eco.platform.operations;

import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/operations/stuck}: what this service dead-lettered or parked, for the officers, legal reviewers and
 * auditors who must see it; {@code POST /api/operations/stuck/{id}/replay}: replay one item after a fix.
 */
@RestController
@RequestMapping("/api/operations/stuck")
public class StuckWorkController {

    private final StuckWork work;

    public StuckWorkController(StuckWork work) {
        this.work = work;
    }

    @GetMapping
    @Access(roles = {Role.OFFICER, Role.LEGAL_REVIEWER, Role.CREDIT_REVIEWER, Role.AGENCY_HEAD, Role.AUDITOR})
    public List<StuckWork.Item> list() {
        return work.list();
    }

    @PostMapping("/{id}/replay")
    @Access(roles = {Role.OFFICER, Role.LEGAL_REVIEWER, Role.CREDIT_REVIEWER, Role.AGENCY_HEAD}, changesState = true)
    public Map<String, String> replay(@PathVariable String id, Actor actor) {
        return Map.of("id", id, "outcome", work.replay(id, actor.userId()));
    }
}
