package concurrence.engine;

import java.util.Arrays;
import java.util.List;

/**
 * One experiment run {@code repeat} times: every run, and their mean and standard deviation the
 * way IPython's {@code %timeit} computes them (population standard deviation).
 *
 * <pre>{@code
 * Measurement m = new Measurement(spec, runs);
 * m.meanNanos(); m.stdNanos();   // 1.11 s ± 6.03 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)
 * }</pre>
 */
public record Measurement(ExperimentSpec spec, List<RunResult> runs) {
    public Measurement {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("a measurement has at least one run");
    }

    /** The last run: the one whose timeline and CPU times are shown. */
    public RunResult last() { return runs.get(runs.size() - 1); }

    public boolean cancelled() { return runs.stream().anyMatch(RunResult::cancelled); }

    public long[] wallNanos() { return runs.stream().mapToLong(RunResult::wallNanos).toArray(); }

    public double meanNanos() { return Arrays.stream(wallNanos()).average().orElse(0); }

    public double stdNanos() {
        double mean = meanNanos();
        return Math.sqrt(Arrays.stream(wallNanos()).mapToDouble(w -> (w - mean) * (w - mean)).sum() / runs.size());
    }

    public double medianNanos() {
        long[] w = wallNanos();
        Arrays.sort(w);
        return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2.0;
    }

    /** Ideal / mean wall time. */
    public double efficiency() { return Ideal.efficiency(last().idealNanos(), Math.round(meanNanos())); }
}
