package cn.gov.eco.dashboard.lifecycle.application;

import cn.gov.eco.dashboard.lifecycle.model.CaseLifecycle;
import cn.gov.eco.dashboard.lifecycle.model.EnterpriseStanding;

import java.util.List;

/** The dashboard's state, as the topology keeps it: read-only from here. */
public interface LifecycleStore {

    /** Every case seen on the topics. */
    List<CaseLifecycle> cases();

    /** Every enterprise with a credit standing. */
    List<EnterpriseStanding> enterprises();

    /** A number that moves whenever the state changed, for caches and live updates. */
    long version();

    /** Thrown while the state cannot be read (the topology is starting or rebuilding its stores). */
    final class NotReadyException extends RuntimeException {
        public NotReadyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
