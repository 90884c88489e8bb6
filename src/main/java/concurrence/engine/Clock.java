package concurrence.engine;

/**
 * Where a run reads the time: a monotonic wall clock and the process's CPU times. Injected so
 * that timing logic can be tested with a fake clock.
 *
 * <pre>{@code
 * Clock clock = SystemClock.INSTANCE;
 * long t0 = clock.nanoTime();
 * CpuTimes before = clock.cpu();
 * }</pre>
 */
public interface Clock {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** CPU consumed so far by this process and its reaped children. */
    CpuTimes cpu();

    /** Resident memory of this process in bytes (0 if unknown). */
    long residentBytes();
}
