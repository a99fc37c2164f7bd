package cn.gov.eco.platform.observability;

/**
 * Meters read from the store or the broker rather than counted as things happen: {@link MetricsSampler} calls
 * {@link #sample()} on every bean of this type, on its own thread, so that a scrape never waits.
 */
public interface Sampled {

    /** Reads the values once; an exception keeps the previous values. */
    void sample() throws Exception;
}
