package cn.gov.eco.enforcement.execution.infrastructure;

import cn.gov.eco.enforcement.execution.application.ExecutionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Marks cases past their due date with money unpaid as OVERDUE, on a schedule (a setting). */
public class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final ExecutionService execution;

    public OverdueSweep(ExecutionService execution) {
        this.execution = execution;
    }

    @Scheduled(fixedDelayString = "${enforcement.execution.overdue-sweep-interval:PT1H}",
            initialDelayString = "${enforcement.execution.overdue-sweep-initial-delay:PT1M}")
    public void run() {
        int marked = execution.markOverdue();
        if (marked > 0) {
            log.info("{} case(s) became overdue", marked);
        }
    }
}
