package concurrence.lesson;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The notebook's figures for one strategy of an experiment, in nanoseconds: what {@code %time}
 * printed (wall, user, sys, total CPU) or what {@code %timeit} printed (mean, std, runs).
 *
 * <pre>{@code
 * // reference threads: wall 6.01 s, user 5.05 s, sys 922 ms, cpu 5.97 s
 * ref.wallNanos();   // OptionalLong[6010000000]
 * }</pre>
 */
public record Reference(OptionalLong wallNanos, OptionalLong userNanos, OptionalLong sysNanos, OptionalLong cpuNanos,
                        OptionalLong meanNanos, OptionalLong stdNanos, OptionalInt runs) {

    /** The wall time to set beside a measurement: the mean for {@code %timeit}, else the wall. */
    public OptionalLong headlineNanos() { return meanNanos.isPresent() ? meanNanos : wallNanos; }
}
