package concurrence.engine.jvm;

/**
 * The cpu task's computation, and its calibration: how many iterations make one second of one
 * core on this JVM, measured once after the JIT has compiled the loop.
 *
 * <pre>{@code
 * long perSecond = CpuKernel.iterationsPerSecond();       // measured once per JVM (~0.3 s)
 * long acc = CpuKernel.compute(0, perSecond, 0);          // about one second of one core
 * CpuKernel.sink = acc;                                    // the JIT cannot drop the loop
 * }</pre>
 *
 * <p>The notebook squares four million integers, which a JVM does in a few milliseconds; so the
 * amount of work is calibrated to last as long as the notebook's task, about one second.
 */
public final class CpuKernel {
    /** Where results go so that the JIT must compute them. */
    public static volatile long sink;

    /** Guarded by CpuKernel.class. */
    private static long calibrated;

    private CpuKernel() {}

    /** Iterations {@code [from, to)} of the loop, folded into {@code acc}. */
    public static long compute(long from, long to, long acc) {
        for (long i = from; i < to; i++) {
            acc += i * i;
            acc ^= acc >>> 17;
        }
        return acc;
    }

    /**
     * Iterations per second of one core, measured the first time it is asked for: the loop is
     * warmed up until the JIT has compiled it, then timed three times; the fastest trial counts
     * (the others were slowed by whatever else the machine was doing).
     */
    public static synchronized long iterationsPerSecond() {
        if (calibrated == 0) calibrated = measure();
        return calibrated;
    }

    private static long measure() {
        long acc = 0;
        for (int i = 0; i < 20; i++) acc = compute(0, 2_000_000, acc);   // warm-up: C1, then C2
        long n = 4_000_000;
        long best = Long.MAX_VALUE;
        while (true) {
            long t0 = System.nanoTime();
            acc = compute(0, n, acc);
            long dt = System.nanoTime() - t0;
            if (dt >= 40_000_000L) {
                best = dt;
                break;
            }
            n *= 2;
        }
        for (int trial = 0; trial < 2; trial++) {
            long t0 = System.nanoTime();
            acc = compute(0, n, acc);
            best = Math.min(best, System.nanoTime() - t0);
        }
        sink = acc;
        return Math.max(1, Math.round(n * 1e9 / best));
    }
}
