package concurrence.journal;

import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.RunResult;

import java.util.List;

/**
 * How busy the machine was while a run went: the one-minute load average when it started and when
 * it ended, and the cores other processes kept busy during the run on average (-1 when unknown:
 * {@code /proc/stat} missing).
 *
 * <pre>{@code
 * Load load = probe.stop();         // concurrence.turn.LoadProbe, around the run
 * load.busy(2);                     // true: others used more than 0.75 core of 2 meanwhile
 * }</pre>
 */
public record Load(double start, double end, double othersCores) {
    public static final Load UNKNOWN = new Load(-1, -1, -1);

    /**
     * The figure {@link Machine#busy} should judge: the cores others used during the run when
     * known, else the load average at its start.
     */
    public double figure() { return othersCores >= 0 ? othersCores : start; }

    /**
     * The measurement with this load as each run's {@link RunResult#loadAverage()}, so that every
     * table (which flags a run with {@code Machine.busy(loadAverage, cores)}) judges by what others
     * did during the run: a one-minute average read at the start still counts the experiment that
     * held the turn just before, and would flag every run of a class taking turns.
     */
    public Measurement onto(Measurement m) {
        double figure = figure();
        List<RunResult> runs = m.runs().stream().map(r -> new RunResult(r.spec(), r.wallNanos(), r.cpu(), r.timeline(), r.handoffs(),
                r.memory(), r.idealNanos(), r.t1Nanos(), r.cores(), r.workerNames(), r.cancelled(), figure)).toList();
        return new Measurement(m.spec(), runs);
    }

    /**
     * Whether the run was measured on a busy machine: by what others used during the run when that
     * is known (the load average lags a minute behind and counts this run too), else by the load
     * average at the start, as {@link Machine#busy} judges both.
     */
    public boolean busy(int cores) {
        return Machine.busy(figure(), cores);
    }
}
