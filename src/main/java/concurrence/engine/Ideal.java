package concurrence.engine;

/**
 * The best this machine could possibly do: the physical limit each measurement is set beside.
 *
 * <ul>
 * <li>io: {@code ceil(tasks / workers)} task lengths; one for asyncio and virtual threads, which
 *     give every task its own worker.</li>
 * <li>cpu: {@code tasks * t1 / min(workers, cores, tasks)} for time-sliced threads and processes;
 *     {@code ceil(tasks / cores) * t1} for virtual threads (not time-sliced: each carrier runs its
 *     task to the end); {@code tasks * t1} for anything under a GIL, on one event loop, or in sequence.</li>
 * </ul>
 *
 * <pre>{@code
 * long ideal = Ideal.nanos(spec, 2, 1_000_000_000L);   // threads, cpu, 5 tasks, 2 cores: 2.5 s
 * double efficiency = Ideal.efficiency(ideal, measured);
 * }</pre>
 */
public final class Ideal {
    private Ideal() {}

    /**
     * @param cores    the cores this machine offers
     * @param t1Nanos  one cpu task's length on one core (ignored for io, whose task length is the spec's)
     */
    public static long nanos(ExperimentSpec spec, int cores, long t1Nanos) {
        int n = spec.tasks();
        int w = spec.effectiveWorkers();
        boolean gil = spec.runtime().hasGil();
        return switch (spec.task()) {
            case IO -> ceilDiv(n, w) * spec.taskNanos();
            case CPU -> switch (spec.strategy()) {
                case SEQUENTIAL, ASYNCIO -> n * t1Nanos;
                case THREADS -> gil ? n * t1Nanos : Math.round(n * (double) t1Nanos / Math.min(w, Math.min(cores, n)));
                case PROCESSES -> Math.round(n * (double) t1Nanos / Math.min(w, Math.min(cores, n)));
                case VIRTUAL_THREADS -> gil ? n * t1Nanos : ceilDiv(n, Math.min(cores, n)) * t1Nanos;
            };
        };
    }

    /** ideal / measured: 1 is perfect, 0.5 took twice as long as it had to. */
    public static double efficiency(long idealNanos, long measuredNanos) {
        return measuredNanos <= 0 ? 0 : idealNanos / (double) measuredNanos;
    }

    private static long ceilDiv(long a, long b) { return (a + b - 1) / b; }
}
