package cn.gov.eco.platform.calendar;

/** What happens when the raw end of a period falls on a rest day. */
public enum RollForwardPolicy {
    /** The raw end date is the result, whatever day it is. */
    NONE,
    /** 民法典 Art. 203 / 民事诉讼法 Art. 85: a last day on a rest day moves to the next working day. */
    NEXT_WORKING_DAY,
    /**
     * The raw end date is the result (e.g. an internal alert), and the next working day is computed and shown
     * as information only (DOMAIN T4 [I]).
     */
    NEXT_WORKING_DAY_INFORMATION_ONLY
}
