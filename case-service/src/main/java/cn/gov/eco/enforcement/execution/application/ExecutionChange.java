package cn.gov.eco.enforcement.execution.application;

import cn.gov.eco.enforcement.execution.model.Execution;
import cn.gov.eco.enforcement.execution.model.ExecutionEvent;
import cn.gov.eco.enforcement.execution.model.ExecutionState;

import java.util.List;
import java.util.Map;

/**
 * One change of a case after its decision: the next execution value, the case state it leaves the case in, the
 * entries to append to the full-process record and the events to publish — all written in one update.
 */
public record ExecutionChange(Execution next, ExecutionState state, List<Step> steps, List<ExecutionEvent> events) {

    public ExecutionChange {
        steps = List.copyOf(steps);
        events = List.copyOf(events);
    }

    /** One entry of the full-process record (执法全过程记录, 行政处罚法 第四十七条). */
    public record Step(String action, String fromState, String toState, String reason, List<String> documents,
                       Map<String, String> details) {
        public Step {
            documents = List.copyOf(documents);
            details = Map.copyOf(details);
        }
    }
}
