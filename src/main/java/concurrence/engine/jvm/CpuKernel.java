package concurrence.engine.jvm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The cpu task's computation, and its calibration: how many iterations make one second of one
 * core on this JVM, measured once after the JIT has compiled the loop.
 *
 * <pre>{@code
 * long perSecond = CpuKernel.iterationsPerSecond();       // measured once per JVM (~0.5 s)
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

    /**
     * {@link #compute}, reached through a handle the JIT compiler cannot see through: the field is
     * deliberately not final, so it is not a constant and the call is never inlined.
     *
     * <p>Why: measured on JDK 25, once C2 compiles a caller's chunk loop ({@link JvmRun#compute})
     * and inlines {@code compute} into it, the same loop runs 1.6 times slower than the
     * stand-alone compiled {@code compute} that calibration timed; a cpu task then lasted 1.6 s
     * instead of 1 s, from the middle of a session on. One indirect call per chunk (a millisecond
     * of work) costs nothing that shows.
     */
    private static MethodHandle loop = lookupLoop();

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
     * Iterations {@code [from, to)}, as {@link #compute} does, but never inlined into the caller:
     * what the chunk loops of the tasks call.
     */
    public static long chunk(long from, long to, long acc) {
        try {
            return (long) loop.invokeExact(from, to, acc);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MethodHandle lookupLoop() {
        try {
            return MethodHandles.lookup().findStatic(CpuKernel.class, "compute",
                    MethodType.methodType(long.class, long.class, long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Iterations per second of one core, measured the first time it is asked for: the loop is
     * warmed up until the JIT has compiled it, then timed five times on this thread's CPU clock
     * (not the wall clock, so that other work on the machine does not shorten the task), and
     * the median rate counts.
     */
    public static synchronized long iterationsPerSecond() {
        if (calibrated == 0) calibrated = measure();
        return calibrated;
    }

    private static long measure() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        LongSupplier now = cpuClock ? threads::getCurrentThreadCpuTime : System::nanoTime;
        long acc = 0;
        for (int i = 0; i < 20; i++) acc = chunk(0, 2_000_000, acc);   // warm-up: C1, then C2
        long n = 4_000_000;
        while (true) {
            long t0 = now.getAsLong();
            acc = chunk(0, n, acc);
            if (now.getAsLong() - t0 >= 50_000_000L) break;
            n *= 2;
        }
        double[] rates = new double[5];
        for (int trial = 0; trial < rates.length; trial++) {
            long t0 = now.getAsLong();
            acc = chunk(0, n, acc);
            rates[trial] = n * 1e9 / Math.max(1, now.getAsLong() - t0);
        }
        sink = acc;
        Arrays.sort(rates);
        return Math.max(1, Math.round(rates[rates.length / 2]));
    }
}
