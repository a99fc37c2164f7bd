package cn.gov.eco.benchmark;

import java.util.Arrays;

/** Latency percentiles (nearest rank) over milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

    static Stats of(double[] millis) {
        if (millis.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = millis.clone();
        Arrays.sort(s);
        return new Stats(s.length, rank(s, 50), rank(s, 95), rank(s, 99), s[s.length - 1],
                Arrays.stream(s).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    String json() {
        return "{\"count\":" + count + ",\"p50Ms\":" + Json.num(p50) + ",\"p95Ms\":" + Json.num(p95) + ",\"p99Ms\":"
                + Json.num(p99) + ",\"maxMs\":" + Json.num(max) + ",\"meanMs\":" + Json.num(mean) + "}";
    }
}
