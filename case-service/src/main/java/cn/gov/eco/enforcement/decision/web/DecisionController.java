package cn.gov.eco.enforcement.decision.web;

import cn.gov.eco.enforcement.decision.application.DecisionRecorder;
import cn.gov.eco.enforcement.decision.application.RecordDecisionRequest;
import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Officers record penalty decisions and read cases back. */
@RestController
@RequestMapping("/api/cases")
public class DecisionController {

    private final DecisionRecorder recorder;
    private final CaseRepository cases;

    public DecisionController(DecisionRecorder recorder, CaseRepository cases) {
        this.recorder = recorder;
        this.cases = cases;
    }

    public record CaseView(String caseId, String state, PenaltyDecision decision, List<Violation> warnings) {
    }

    @PostMapping("/decisions")
    public ResponseEntity<CaseView> record(@RequestBody RecordDecisionRequest request) {
        var recorded = recorder.record(request);
        var d = recorded.decision();
        return ResponseEntity.created(URI.create("/api/cases/" + d.caseId()))
                .body(new CaseView(d.caseId(), "DECIDED", d, recorded.warnings()));
    }

    @GetMapping("/{caseId}")
    public CaseView get(@PathVariable String caseId) {
        var doc = cases.find(caseId).orElseThrow(() -> ProblemException.notFound("案件 case", caseId));
        return new CaseView(caseId, doc.getString("state"),
                CaseRepository.fromBson(caseId, doc.get("decision", org.bson.Document.class)), List.of());
    }
}
