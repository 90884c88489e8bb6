package concurrence.engine.jvm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The cpu task's computation, and its calibration: how many iterations make one second of one
 * core on this JVM, measured once after the JIT has compiled the loop.
 *
 * <pre>{@code
 * long perSecond = CpuKernel.iterationsPerSecond();       // measured once per JVM (~0.7 s)
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
     * warmed up, then timed on this thread's CPU clock (not the wall clock, so that other work on
     * the machine does not shorten the task) until the rate stops rising (see {@link #settle}).
     */
    public static synchronized long iterationsPerSecond() {
        if (calibrated == 0) calibrated = measure();
        return calibrated;
    }

    /** Trials per round of {@link #settle}. */
    static final int TRIALS = 5;
    /** A round whose median is this much above the last one means the compiled code changed under us. */
    static final double RISE = 1.03;
    /** At most this many rounds (about 50 ms a trial: two seconds). */
    static final int MAX_ROUNDS = 8;

    /**
     * The settled rate from successive trials: rounds of {@value #TRIALS} trials, until a round's
     * median is no more than 3 % above the previous one's; that median counts.
     *
     * <p>Why more than one round: the JIT compiles the loop in tiers, and when its queue is busy
     * (a JVM that has just loaded the full-screen app, say) the first trials can time the quick,
     * unoptimised tier, 30 % slower than the final code. Calibrated on it, every later cpu task
     * would last 0.7 s instead of one second. Seen on JDK 25; a second round costs a quarter of
     * a second, once per JVM.
     *
     * <pre>{@code
     * long perSecond = CpuKernel.settle(() -> timeOneTrial());   // 0.73e9, ..., 1.04e9, 1.04e9 -> 1.04e9
     * }</pre>
     */
    static long settle(DoubleSupplier trialRate) {
        double previous = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double[] rates = new double[TRIALS];
            for (int trial = 0; trial < TRIALS; trial++) rates[trial] = trialRate.getAsDouble();
            Arrays.sort(rates);
            double median = rates[TRIALS / 2];
            if (round > 0 && median <= previous * RISE) return Math.max(1, Math.round(median));
            previous = median;
        }
        return Math.max(1, Math.round(previous));
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
        long iterations = n;
        long[] sum = {acc};
        long rate = settle(() -> {
            long t0 = now.getAsLong();
            sum[0] = chunk(0, iterations, sum[0]);
            return iterations * 1e9 / Math.max(1, now.getAsLong() - t0);
        });
        sink = sum[0];
        return rate;
    }
}
