package concurrence.engine;

import java.util.List;

/**
 * What one run measured: wall time from the start gate (like {@code %time}), CPU times, the
 * timeline, the GIL's hand-overs, memory, and the ideal it is set beside.
 *
 * <pre>{@code
 * RunResult r = runner.run(spec, board, new Cancellation());
 * System.out.printf("%.2f s, efficiency %.0f %%%n", r.wallNanos() / 1e9, 100 * r.efficiency());
 * }</pre>
 *
 * @param t1Nanos     one cpu task's length on one core, as calibrated or measured (the task length for io)
 * @param workerNames each worker's name, by index, as its runtime names it
 * @param loadAverage how busy the machine was: the one-minute load average when the run started
 *                    (-1 if unknown), which the journal's {@code Load.onto} replaces by the cores
 *                    other processes kept busy during the run when it could measure them
 */
public record RunResult(ExperimentSpec spec, long wallNanos, CpuTimes cpu, List<Span> timeline,
                        List<Handoff> handoffs, Memory memory, long idealNanos, long t1Nanos, int cores,
                        List<String> workerNames, boolean cancelled, double loadAverage) {
    public RunResult {
        timeline = List.copyOf(timeline);
        handoffs = List.copyOf(handoffs);
        workerNames = List.copyOf(workerNames);
        if (wallNanos < 0) throw new IllegalArgumentException("wall time is negative: " + wallNanos);
    }

    public double efficiency() { return Ideal.efficiency(idealNanos, wallNanos); }
}
